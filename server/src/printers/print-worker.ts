/**
 * Puts print jobs on paper (issue 34). Runs in every pipeline worker process. Jobs are rows in
 * PostgreSQL (print-jobs.ts), made in the same transaction as the ticket they print; this
 * only delivers them:
 *
 * - one worker at a time per printer (a lease on the printer row, renewed while it works), so
 *   a printer's jobs come out one by one in the order they were made (`seq`);
 * - a job is marked PRINTING before a byte is sent: one found PRINTING under an expired lease
 *   (its worker died mid-job) is printed again marked REPRINT — at least once, never two
 *   unmarked copies;
 * - a printer that refuses, does not answer, or says paper out / cover open is recorded with
 *   what is wrong and `printer:status` goes to the floor and the kitchen displays at once; its
 *   stations' tickets move to their backup printer; the rest is retried every PRINT_RETRY_MS;
 *   its status is asked again at that pace until it answers ready, which clears the alert.
 *
 * Wakes: a PUBLISH on the prefix's print channel (servers and this process's own stages send
 * one when they make jobs) makes every worker look at that location's printers; the sweep
 * (every PRINT_SWEEP_INTERVAL_MS) takes printers whose jobs waited PRINT_SWEEP_AFTER_MS with
 * no worker on them, and printers left mid-job by a dead worker.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { PrismaClient } from "../db/prisma.js";
import { closeRedis, createRedis, type RedisTarget } from "../db/redis.js";
import { sqlOn } from "../db/sql.js";
import type { Logger } from "../logger.js";
import { printWakeChannel } from "../pipeline/queues.js";
import type { Publisher } from "../realtime/publisher.js";
import { DEFAULT_TIMEOUTS, type PrintTimeouts, printBytes, printerStatus } from "./escpos-client.js";
import {
  abandonedPrinters,
  cancelJob,
  failingPrintersDue,
  idlePrintersDue,
  jobPrinted,
  type LeasedPrinter,
  leasePrinter,
  locationsWaitingOnBridges,
  nextJob,
  printersWithJobs,
  releasePrinter,
  requeueJob,
  startJob,
  unservedBridgePrinters,
} from "./print-jobs.js";
import { divertToBackups, reportPrinter } from "./printer-status.js";
import { renderJob } from "./render-job.js";

export interface PrintWorkerOptions {
  /** The Redis prefix whose print channel wakes this worker. */
  prefix: string;
  sweepIntervalMs: number;
  sweepAfterMs: number;
  leaseMs: number;
  retryMs: number;
  /** Idle printers' status checks (0: none). */
  checkMs: number;
  /** A bridge printer's job left this long by every bridge raises "no print bridge is connected". */
  bridgeWaitMs: number;
  statusTimeoutMs: number;
}

/** What a bridge printer's alert says when no bridge takes its jobs. */
export const NO_BRIDGE = "no print bridge is connected (start it on a computer in the venue)";

export interface PrintWorker {
  /** Look at a location's printers now (its jobs were just made in this process). */
  wake(locationId: string): void;
  /** Stops taking printers, lets the jobs being sent finish, releases the printers. */
  close(): Promise<void>;
}

export function startPrintWorker(deps: {
  prisma: PrismaClient;
  redisTarget: RedisTarget;
  log: Logger;
  publisher: Publisher;
  options: PrintWorkerOptions;
}): PrintWorker {
  const { log, options } = deps;
  const db = sqlOn(deps.prisma);
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const timeouts: PrintTimeouts = { ...DEFAULT_TIMEOUTS, statusMs: options.statusTimeoutMs };
  /** Printers this worker is serving, and those woken again meanwhile (looked at once more before letting go). */
  const serving = new Map<string, Promise<void>>();
  const wokenAgain = new Set<string>();
  /** Printers this worker saw failing: asked again every PRINT_RETRY_MS until they answer ready. */
  const seenFailing = new Set<string>();
  const lastFailure = new Map<string, number>();
  let closing = false;
  /** Waits cut short by close(). */
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (closing) return resolve();
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  const statusDeps = { db, publisher: deps.publisher, log };

  /** Stores what the printer said and tells staff when that changed. */
  const record = async (printer: LeasedPrinter, problem: string | null) => {
    printer.problem = problem;
    if (problem) {
      seenFailing.add(printer.id);
      lastFailure.set(printer.id, Date.now());
    } else {
      seenFailing.delete(printer.id);
      lastFailure.delete(printer.id);
    }
    await reportPrinter(statusDeps, printer, problem);
  };

  const run = async (printerId: string, probe: boolean) => {
    const leased = await leasePrinter(db, printerId, owner, options.leaseMs);
    if (!leased) return;
    let printer: LeasedPrinter = leased;
    let lost = false;
    const renew = setInterval(() => {
      leasePrinter(db, printerId, owner, options.leaseMs).then(
        (p) => {
          if (p) printer = { ...p, problem: printer.problem };
          else lost = true;
        },
        (err: unknown) => log.warn({ err, printer: printerId }, "could not renew a printer's lease"),
      );
    }, options.leaseMs / 3);
    try {
      let asked = false;
      while (!closing && !lost) {
        wokenAgain.delete(printerId);
        if (printer.problem) for (const b of await divertToBackups(statusDeps, printer)) serve(b, false);
        const job = await nextJob(db, printerId);
        if (!job) {
          if (wokenAgain.has(printerId)) continue;
          // Nothing to print: a failing (or due) printer is still asked how it is, once.
          if ((probe || printer.problem) && !asked) {
            asked = true;
            const status = await printerStatus(printer, timeouts);
            await record(printer, status.problem);
            if (!status.problem) continue;
          }
          break;
        }
        // A failing printer is tried again at PRINT_RETRY_MS, not in a tight loop.
        const since = Date.now() - (lastFailure.get(printerId) ?? 0);
        if (printer.problem && since < options.retryMs) {
          await sleep(options.retryMs - since);
          continue;
        }
        const started = await startJob(db, job.id, printerId, owner);
        if (!started) continue;
        let rendered: Awaited<ReturnType<typeof renderJob>>;
        try {
          rendered = await renderJob(db, job, printer, started.reprint);
        } catch (err) {
          // A job that cannot be rendered would hold up every ticket behind it.
          log.error({ err, job: job.id, printer: printerId }, "a print job could not be rendered; cancelled");
          await cancelJob(db, job.id, err instanceof Error ? err.message : String(err));
          continue;
        }
        const result = await printBytes(printer, rendered.bytes, timeouts);
        if (result.printed) {
          await jobPrinted(db, job.id, rendered.text);
          if (printer.problem) await record(printer, null);
        } else {
          const problem = result.status.problem ?? "did not print";
          await requeueJob(db, job.id, problem, result.sent);
          await record(printer, problem);
        }
      }
    } finally {
      clearInterval(renew);
      await releasePrinter(db, printerId, owner).catch((err: unknown) =>
        log.warn({ err, printer: printerId }, "could not release a printer"),
      );
    }
  };

  /** Serves a printer unless this worker already does (then it looks once more before letting go). */
  const serve = (printerId: string, probe: boolean) => {
    if (closing) return;
    if (serving.has(printerId)) {
      wokenAgain.add(printerId);
      return;
    }
    const work = run(printerId, probe)
      .catch((err: unknown) => log.error({ err, printer: printerId }, "printing failed"))
      .finally(() => {
        serving.delete(printerId);
        // Woken while letting go: look again.
        if (wokenAgain.delete(printerId)) serve(printerId, false);
      });
    serving.set(printerId, work);
  };

  const wake = (locationId: string) => {
    if (closing) return;
    printersWithJobs(db, locationId).then(
      (printers) => {
        for (const p of printers) if (p.via === "DIRECT") serve(p.printerId, false);
        // The servers cannot reach a bridge's printers: its bridge is told to ask for the jobs.
        if (printers.some((p) => p.via === "BRIDGE")) deps.publisher.printBridgeWake(locationId);
      },
      (err: unknown) => log.warn({ err, locationId }, "could not look for print jobs"),
    );
  };

  const sweep = async () => {
    for (const id of await abandonedPrinters(db, options.sweepAfterMs)) serve(id, false);
    for (const id of await failingPrintersDue(db, [...seenFailing], options.retryMs, options.sweepAfterMs)) serve(id, true);
    if (options.checkMs > 0) for (const id of await idlePrintersDue(db, options.checkMs)) serve(id, true);
    // Bridge printers: jobs nobody took for PRINT_BRIDGE_WAIT_MS mean no bridge is connected (an
    // alert, and the backups); bridges with jobs waiting are woken again in case a wake was lost.
    for (const printer of await unservedBridgePrinters(db, options.bridgeWaitMs)) {
      await reportPrinter(statusDeps, printer, NO_BRIDGE);
      for (const b of await divertToBackups(statusDeps, printer)) serve(b, false);
    }
    for (const locationId of await locationsWaitingOnBridges(db)) deps.publisher.printBridgeWake(locationId);
  };
  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping || closing) return;
    sweeping = true;
    sweep()
      .catch((err: unknown) => log.warn({ err }, "the print sweep failed"))
      .finally(() => {
        sweeping = false;
      });
  }, options.sweepIntervalMs);

  const subscriber = createRedis(deps.redisTarget, { maxRetriesPerRequest: null });
  subscriber.on("error", () => {}); // outages are logged by the pipeline's connections; the sweep covers lost wakes
  const channel = printWakeChannel(deps.redisTarget, options.prefix);
  subscriber.subscribe(channel).catch((err: unknown) => log.warn({ err }, "could not listen for print wakes"));
  subscriber.on("message", (ch: string, locationId: string) => {
    if (ch === channel) wake(locationId);
  });

  return {
    wake,
    async close() {
      closing = true;
      clearInterval(sweeper);
      for (const done of [...sleepers]) done();
      await Promise.allSettled([...serving.values()]);
      await closeRedis(subscriber);
    },
  };
}
