import { staffOf } from "../auth/passport.js";
import { sqlOn } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { handlers } from "../http/routes.js";
import { createTaxRate, deleteTaxRate, loadTaxRates, updateTaxRate } from "./tax-rates.service.js";

/** Tax rates: the menu's readers read them (the category and product forms); its editors change them. */
export function taxRateRoutes(deps: AppDeps) {
  // Categories and products name their rate: the menu pages refetch.
  const changed = (locationId: string) => deps.publisher.menuChanged(locationId);

  return handlers({
    "GET /api/tax-rates": async ({ req, reply }) => {
      reply({ taxRates: await loadTaxRates(sqlOn(deps.prisma), staffOf(req).locationId) });
    },

    "POST /api/tax-rates": async ({ req, body, reply }) => {
      const { locationId } = staffOf(req);
      const taxRate = await createTaxRate(deps.prisma, locationId, body);
      reply({ taxRate });
      changed(locationId);
    },

    "PATCH /api/tax-rates/:id": async ({ req, params, body, reply }) => {
      const { locationId } = staffOf(req);
      reply({ taxRate: await updateTaxRate(deps.prisma, locationId, params.id, body) });
      changed(locationId);
    },

    "DELETE /api/tax-rates/:id": async ({ req, params, reply }) => {
      const { locationId } = staffOf(req);
      await deleteTaxRate(deps.prisma, locationId, params.id);
      reply();
      changed(locationId);
    },
  });
}
