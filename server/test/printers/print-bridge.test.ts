// Issue 34, item 4: printers the servers cannot reach, printed through a print bridge inside the
// venue — the real agent (src/tools/print-bridge.ts, in this process or its own) over a real
// Socket.IO connection, to the test kit's fake ESC/POS printers over real TCP.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrinterHealthDto } from "@ordered/contract";
import { NO_BRIDGE } from "../../src/printers/print-worker.js";
import { type FakePrinter, type PrintedDocument, startFakePrinter } from "../../src/tools/fake-printer.js";
import { type PrintBridge, startPrintBridge } from "../../src/tools/print-bridge.js";
import { createAccount } from "../staff/staff-kit.js";
import { eventually, freshPrefix, openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { placeOne, recorderOf } from "../support/sockets.js";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const textOf = (doc: PrintedDocument) => doc.lines.map((l) => l.text.trim()).join("\n");
const quiet = () => {};

async function addPrinter(server: TestServer, token: string, fake: FakePrinter, name: string, via: "DIRECT" | "BRIDGE") {
  const { printer } = await server.api.route("POST /api/printers", {
    token,
    body: { name: `${name} ${randomUUID().slice(0, 4)}`, host: fake.host, port: fake.port, via },
  });
  return printer;
}

/** SIGKILL, resolved once the process is gone. */
const sigkill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

/** The bridge in a process of its own, to be SIGKILLed like a venue's computer losing power. */
function spawnBridge(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/tools/print-bridge-main.ts"], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the bridge did not start: ${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("print bridge running")) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the bridge exited with ${code}: ${output}`)));
  });
}

describe("the print bridge", () => {
  it("prints a bridge printer's tickets in order (the servers never dial it); killed mid-job, the next bridge prints it marked REPRINT", async ({
    startServer,
    startWorker,
    venue,
    socket,
    prisma,
    resources,
  }) => {
    const prefix = freshPrefix();
    const server = await startServer({ REDIS_PREFIX: prefix, PRINT_LEASE_MS: "1500" });
    startWorker(prefix);
    const token = venue.staffToken;
    const fake = resources.add(await startFakePrinter(), (f) => f.close());
    const grill = await addPrinter(server, token, fake, "Grill", "BRIDGE");
    expect(grill.via).toBe("BRIDGE");
    await server.api.route("PUT /api/stations/:id/printers", {
      token,
      params: { id: venue.stations[0]!.id },
      body: { printerIds: [grill.id] },
    });
    const account = await createAccount(server, token, "KITCHEN");
    const table = await openAndJoin(server, token, "Table 8");
    const phone = await socket(server, { token: table.customerToken });
    const [, diavola] = venue.products;

    // No bridge yet: the worker leaves the printer alone; the ticket waits.
    const first = await placeOne(phone, diavola!.id);
    await eventually(async () => (await prisma.printJob.count({ where: { sessionId: table.session.id } })) === 1);
    await new Promise((r) => setTimeout(r, 1500)); // a window in which nothing may print, not a wait for a state
    expect(fake.raw.length).toBe(0);

    // A bridge connects: the waiting ticket, then each new one, in order.
    const bridge: PrintBridge = resources.add(
      await startPrintBridge({ url: server.url, email: account.email, password: account.password, log: quiet }),
      (b) => b.close(),
    );
    const more = [await placeOne(phone, diavola!.id), await placeOne(phone, diavola!.id)];
    const docs = await fake.waitForDocuments(3, 15_000);
    expect(docs.map((d) => Number(/Table 8 #(\d+)/.exec(textOf(d))?.[1]))).toEqual([first.number, ...more.map((o) => o.number)]);
    const jobs = await eventually(async () => {
      const all = await prisma.printJob.findMany({ where: { sessionId: table.session.id }, orderBy: { seq: "asc" } });
      return all.every((j) => j.status === "PRINTED") && all;
    });
    expect(jobs.map((j) => [j.attempts, j.reprint])).toEqual([
      [1, false],
      [1, false],
      [1, false],
    ]);
    expect(jobs[0]!.content).toContain(`Table 8 #${first.number}`);
    await bridge.close();

    // A bridge in its own process takes the next job; the printer hangs after taking it; the bridge's computer dies.
    await fake.setMode("stall");
    const doomed = resources.add(
      await spawnBridge({ ORDERED_URL: server.url, PRINT_BRIDGE_EMAIL: account.email, PRINT_BRIDGE_PASSWORD: account.password }),
      sigkill,
    );
    const lost = await placeOne(phone, diavola!.id);
    await fake.waitForDocuments(4, 15_000);
    const handed = await prisma.printJob.findFirstOrThrow({ where: { sessionId: table.session.id, status: "PRINTING" } });
    await sigkill(doomed);
    await fake.setMode("ok");
    // Another bridge: once the dead one's hold has run out, the job comes again, marked.
    resources.add(await startPrintBridge({ url: server.url, email: account.email, password: account.password, log: quiet }), (b) =>
      b.close(),
    );
    const [, , , , reprint] = await fake.waitForDocuments(5, 15_000);
    expect(textOf(reprint!)).toContain("REPRINT");
    expect(textOf(reprint!)).toContain(`Table 8 #${lost.number}`);
    const done = await eventually(async () => {
      const j = await prisma.printJob.findUniqueOrThrow({ where: { id: handed.id } });
      return j.status === "PRINTED" && j;
    });
    expect([done.attempts, done.reprint]).toEqual([2, true]);
  }, 90_000);

  it("no bridge connected: the floor hears it, the ticket prints on the station's backup, and a bridge that connects clears the alert", async ({
    startServer,
    startWorker,
    venue,
    socket,
    resources,
  }) => {
    const prefix = freshPrefix();
    const server = await startServer({ REDIS_PREFIX: prefix });
    startWorker(prefix, { env: { PRINT_BRIDGE_WAIT_MS: "2000" } });
    const token = venue.staffToken;
    const bridged = resources.add(await startFakePrinter(), (f) => f.close());
    const backupFake = resources.add(await startFakePrinter(), (f) => f.close());
    const grill = await addPrinter(server, token, bridged, "Grill", "BRIDGE");
    const backup = await addPrinter(server, token, backupFake, "Pass", "DIRECT");
    await server.api.route("PUT /api/stations/:id/printers", {
      token,
      params: { id: venue.stations[0]!.id },
      body: { printerIds: [grill.id], backupPrinterId: backup.id },
    });
    const floor = await socket(server, { token });
    const table = await openAndJoin(server, token, "Table 1");
    const phone = await socket(server, { token: table.customerToken });
    const order = await placeOne(phone, venue.products[1]!.id);

    const alert = (await recorderOf(floor).waitFor(
      "printer:status",
      (h: PrinterHealthDto) => h.printerId === grill.id && h.problem !== null,
      10_000,
    )) as PrinterHealthDto;
    expect(alert).toMatchObject({ problem: NO_BRIDGE, backups: [backup.name] });
    const [onBackup] = await backupFake.waitForDocuments(1, 10_000);
    expect(textOf(onBackup!)).toContain(`Table 1 #${order.number}`);

    const account = await createAccount(server, token, "KITCHEN");
    resources.add(await startPrintBridge({ url: server.url, email: account.email, password: account.password, log: quiet }), (b) =>
      b.close(),
    );
    await recorderOf(floor).waitFor("printer:status", (h: PrinterHealthDto) => h.printerId === grill.id && h.problem === null, 15_000);
    // Its next ticket prints behind the bridge again.
    const next = await placeOne(phone, venue.products[1]!.id);
    const [onGrill] = await bridged.waitForDocuments(1, 15_000);
    expect(textOf(onGrill!)).toContain(`Table 1 #${next.number}`);
  }, 60_000);

  it("only a bridge's own jobs: another bridge cannot finish them, a SERVER account cannot run one, another location's printers are not its", async ({
    server,
    venue,
    otherVenue,
    socket,
    resources,
  }) => {
    const token = venue.staffToken;
    const fake = resources.add(await startFakePrinter(), (f) => f.close());
    const grill = await addPrinter(server, token, fake, "Grill", "BRIDGE");
    const waiter = await createAccount(server, token, "SERVER");
    const waiterSocket = await socket(server, { token: waiter.token });
    const refused = await waiterSocket.timeout(5_000).emitWithAck("print:next", { bridgeId: "bridge-waiter-1" });
    expect(refused.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("run a print bridge") });
    const cook = await socket(server, { token: (await createAccount(server, token, "KITCHEN")).token });
    const stranger = await cook.timeout(5_000).emitWithAck("print:done", {
      bridgeId: "bridge-cook-1",
      jobId: randomUUID(),
      printed: true,
      sent: true,
      problem: null,
    });
    expect(stranger.error?.code).toBe("CONFLICT");
    const theirs = await socket(server, { token: otherVenue.staffToken });
    const report = await theirs
      .timeout(5_000)
      .emitWithAck("printer:report", { bridgeId: "bridge-other-1", printerId: grill.id, problem: null });
    expect(report.error?.code).toBe("NOT_FOUND");
    // The servers cannot reach it, so they do not pretend to test-print on it.
    await expect(server.api.route("POST /api/printers/:id/test", { token, params: { id: grill.id } })).rejects.toMatchObject({
      status: 409,
      error: { code: "CONFLICT", message: expect.stringContaining("print bridge") },
    });
    const bad = await cook.timeout(5_000).emitWithAck("print:next", { bridgeId: "x" });
    expect(bad.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("bridgeId") });
  });
});
