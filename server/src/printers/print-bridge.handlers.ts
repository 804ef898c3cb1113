/**
 * The servers' side of a print bridge (issue 34, item 4): a small agent inside the venue
 * (server/src/tools/print-bridge.ts) reaches printers the servers cannot. It is the same job
 * stream as the print workers': the bridge holds the printer's lease (owner `bridge:<its id>`,
 * renewed by each `print:next`), takes the oldest job, which is marked PRINTING before its
 * bytes leave, and says what became of it with `print:done`. A bridge that dies mid-job leaves
 * the job PRINTING under a lease that runs out; the next bridge gets it marked REPRINT.
 */
import type { BridgeJobDto } from "@ordered/contract";
import { sqlOn } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { CommandHandler } from "../realtime/command.js";
import { rooms } from "../realtime/rooms.js";
import {
  bridgeChecksDue,
  bridgeJobPrinter,
  bridgePrinter,
  bridgePrintersDue,
  cancelJob,
  jobPrinted,
  leasePrinter,
  nextJob,
  releasePrinter,
  requeueJob,
  setJobContent,
  startJob,
} from "./print-jobs.js";
import { divertToBackups, reportPrinter } from "./printer-status.js";
import { renderJob } from "./render-job.js";

const ownerOf = (bridgeId: string) => `bridge:${bridgeId}`;

/** `print:next`: the next job of the location's bridge printers, or none (and the failing ones to ask about). */
export const next: CommandHandler<"print:next"> = async (deps, input, staff, socket) => {
  const db = sqlOn(deps.prisma);
  const { locationId } = staff;
  const owner = ownerOf(input.bridgeId);
  const { leaseMs, retryMs } = deps.config.printing;
  const statusDeps = { db, publisher: deps.publisher, log: deps.log };
  // From now on it hears of its printers' jobs as they are made.
  await socket.join(rooms.printBridges(locationId));
  for (const printerId of await bridgePrintersDue(db, locationId, owner, retryMs)) {
    const printer = await leasePrinter(db, printerId, owner, leaseMs, { via: "BRIDGE", locationId });
    if (!printer) continue;
    if (printer.problem && (await divertToBackups(statusDeps, printer)).length) deps.producer.wakePrinters(locationId);
    for (;;) {
      const job = await nextJob(db, printerId);
      if (!job) {
        await releasePrinter(db, printerId, owner);
        break;
      }
      const started = await startJob(db, job.id, printerId, owner);
      if (!started) continue;
      try {
        const rendered = await renderJob(db, job, printer, started.reprint);
        await setJobContent(db, job.id, rendered.text);
        const handed: BridgeJobDto = {
          id: job.id,
          printer: { id: printer.id, name: printer.name, host: printer.host, port: printer.port },
          bytes: Buffer.from(rendered.bytes).toString("base64"),
          reprint: started.reprint,
        };
        return { job: handed, check: [] };
      } catch (err) {
        deps.log.error({ err, job: job.id, printer: printerId }, "a print job could not be rendered; cancelled");
        await cancelJob(db, job.id, err instanceof Error ? err.message : String(err));
      }
    }
  }
  return { job: null, check: await bridgeChecksDue(db, locationId, retryMs) };
};

/** `print:done`: the job printed (or why not); only the bridge that holds it may say. */
export const done: CommandHandler<"print:done"> = async (deps, input, staff) => {
  const db = sqlOn(deps.prisma);
  const owner = ownerOf(input.bridgeId);
  const printer = await bridgeJobPrinter(db, input.jobId, staff.locationId, owner);
  if (!printer) throw new AppError("CONFLICT", "this print job is not this bridge's to finish (taken over, or finished already)");
  const statusDeps = { db, publisher: deps.publisher, log: deps.log };
  if (input.printed) {
    await jobPrinted(db, input.jobId, null);
    if (printer.problem) await reportPrinter(statusDeps, printer, null);
    return { status: "PRINTED" };
  }
  const problem = input.problem ?? "did not print";
  await requeueJob(db, input.jobId, problem, input.sent);
  await reportPrinter(statusDeps, printer, problem);
  // Its next job waits for the printer (asked again after PRINT_RETRY_MS); its tickets go to the backups now.
  await releasePrinter(db, printer.id, owner);
  if ((await divertToBackups(statusDeps, printer)).length) deps.producer.wakePrinters(staff.locationId);
  return { status: "QUEUED" };
};

/** `printer:report`: a failing bridge printer's answer when asked; ready again → its jobs print. */
export const report: CommandHandler<"printer:report"> = async (deps, input, staff) => {
  const db = sqlOn(deps.prisma);
  const printer = await bridgePrinter(db, input.printerId, staff.locationId);
  if (!printer) throw AppError.notFound("printer");
  await reportPrinter({ db, publisher: deps.publisher, log: deps.log }, printer, input.problem);
  if (!input.problem) deps.publisher.printBridgeWake(staff.locationId);
  return {};
};
