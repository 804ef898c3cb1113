/**
 * What a printer said, recorded and told (issue 34): the one place a printer's failure or
 * recovery is stored and announced to staff, whoever found out (a server's print worker, a
 * print bridge), and where a failing printer's tickets move to their backups.
 */
import type { SqlRunner } from "../db/sql.js";
import type { Logger } from "../logger.js";
import type { Publisher } from "../realtime/publisher.js";
import { moveToBackups, printerHealth, recordPrinterStatus } from "./print-jobs.js";

export interface PrinterRef {
  id: string;
  locationId: string;
  name: string;
}

export interface StatusDeps {
  db: SqlRunner;
  publisher: Publisher;
  log: Logger;
}

/** Sends the printer's health to the location's floor and kitchen displays (`printer:status`). */
export async function announcePrinter(deps: StatusDeps, printer: PrinterRef): Promise<void> {
  const [health] = await printerHealth(deps.db, printer.locationId, printer.id);
  if (health) deps.publisher.printerStatus(printer.locationId, health);
}

/** Stores what the printer said (null: ready) and, when that changed, logs and announces it; true when it changed. */
export async function reportPrinter(deps: StatusDeps, printer: PrinterRef, problem: string | null): Promise<boolean> {
  const changed = await recordPrinterStatus(deps.db, printer.id, problem);
  if (!changed) return false;
  if (problem) deps.log.warn({ printer: printer.id, name: printer.name, problem }, "a printer is failing");
  else deps.log.info({ printer: printer.id, name: printer.name }, "a printer prints again");
  await announcePrinter(deps, printer);
  return true;
}

/** A failing printer's waiting tickets go to their stations' backups; returns the backups that got some (to wake). */
export async function divertToBackups(deps: StatusDeps, printer: PrinterRef): Promise<string[]> {
  const backups = await moveToBackups(deps.db, printer.id);
  if (backups.length) {
    deps.log.info({ printer: printer.id, backups }, "a failing printer's tickets went to their backup printers");
    await announcePrinter(deps, printer);
  }
  return backups;
}
