import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { handlers } from "../http/routes.js";
import { getLocation } from "../locations/location-dto.sql.js";
import { printBytes } from "./escpos-client.js";
import { printerHealth } from "./print-jobs.js";
import { createPrinter, deletePrinter, loadPrinter, loadPrinters, updatePrinter } from "./printers.service.js";
import { setReceiptPrinter, setStationPrinters } from "./station-printers.js";
import { testPage } from "./test-page.js";

/** The location's printers, managed by its managers; a test print asks the printer's status and prints a page. */
export function printerRoutes(deps: AppDeps) {
  return handlers({
    "GET /api/printers": async ({ req, reply }) => {
      reply({ printers: await loadPrinters(sqlOn(deps.prisma), staffOf(req).locationId) });
    },

    "GET /api/printers/health": async ({ req, reply }) => {
      reply({ printers: await printerHealth(sqlOn(deps.prisma), staffOf(req).locationId) });
    },

    "POST /api/printers": async ({ req, body, reply }) => {
      reply({ printer: await createPrinter(deps.prisma, staffOf(req).locationId, body) });
    },

    "PATCH /api/printers/:id": async ({ req, params, body, reply }) => {
      reply({ printer: await updatePrinter(deps.prisma, staffOf(req).locationId, params.id, body) });
    },

    "DELETE /api/printers/:id": async ({ req, params, reply }) => {
      await deletePrinter(deps.prisma, staffOf(req).locationId, params.id);
      reply();
    },

    "PUT /api/stations/:id/printers": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      reply({ station: await setStationPrinters(deps.prisma, locationId, params.id, body) });
      // The stations list on every panel and display shows where each prints.
      deps.publisher.menuChanged(locationId);
    },

    "PUT /api/printers/receipt": async ({ req, body, reply }) => {
      reply({ location: await setReceiptPrinter(deps.prisma, staffOf(req).locationId, body) });
    },

    "POST /api/printers/:id/test": async ({ req, params, reply }) => {
      const { locationId } = staffOf(req);
      const printer = await loadPrinter(sqlOn(deps.prisma), locationId, params.id);
      if (printer.via === "BRIDGE") {
        throw new AppError("CONFLICT", `${printer.name} is reached through a print bridge: the servers cannot test-print on it`);
      }
      const location = await getLocation(deps.prisma, locationId);
      const result = await printBytes(printer, testPage(printer, location));
      if (!result.printed) deps.log.warn({ printer: printer.id, problem: result.status.problem }, "a test print did not print");
      reply({ printed: result.printed, status: result.status });
    },
  });
}
