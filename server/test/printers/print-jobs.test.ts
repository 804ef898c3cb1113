// Issue 34, item 3: durable, exactly-accounted printing. Orders from real phones on real
// instances, accepted by real workers whose print worker sends the tickets over real TCP to the
// test kit's fake ESC/POS printers (which parse the bytes back into lines and cuts, and fail on
// command); the print_job rows are the record.
import { randomUUID } from "node:crypto";
import type { PrinterHealthDto } from "@ordered/contract";
import type { PrismaClient } from "../../src/db/prisma.js";
import { type FakePrinter, type PrintedDocument, startFakePrinter } from "../../src/tools/fake-printer.js";
import { createAccount } from "../staff/staff-kit.js";
import { eventually, freshPrefix, openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { type ClientSocket, placeOne, recorderOf } from "../support/sockets.js";

const textOf = (doc: PrintedDocument) => doc.lines.map((l) => l.text.trim()).join("\n");

async function addPrinter(server: TestServer, token: string, fake: FakePrinter, name: string) {
  const { printer } = await server.api.route("POST /api/printers", {
    token,
    body: { name: `${name} ${randomUUID().slice(0, 4)}`, host: fake.host, port: fake.port, paperWidthMm: 80 },
  });
  return printer;
}

async function routeStation(
  server: TestServer,
  token: string,
  stationId: string,
  printerIds: string[],
  backupPrinterId: string | null = null,
) {
  await server.api.route("PUT /api/stations/:id/printers", { token, params: { id: stationId }, body: { printerIds, backupPrinterId } });
}

const jobsOf = (prisma: PrismaClient, sessionId: string) =>
  prisma.printJob.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, include: { printer: true } });

describe("print jobs", () => {
  it("print each ticket once on every printer of its station, in the order they went to the kitchen, from two instances and two workers", async ({
    cluster,
    venue,
    socket,
    prisma,
    prefix,
    worker,
    startWorker,
    resources,
  }) => {
    void worker; // two print workers on the servers' prefix: each printer is served by one at a time
    startWorker(prefix);
    const [a, b] = cluster;
    const token = venue.staffToken;
    const [kitchen, bar] = venue.stations;
    const grillFake = resources.add(await startFakePrinter(), (f) => f.close());
    const passFake = resources.add(await startFakePrinter(), (f) => f.close());
    const barFake = resources.add(await startFakePrinter(), (f) => f.close());
    const grill = await addPrinter(a, token, grillFake, "Grill");
    const pass = await addPrinter(a, token, passFake, "Pass");
    const barPrinter = await addPrinter(a, token, barFake, "Bar");
    await routeStation(a, token, kitchen!.id, [grill.id, pass.id]);
    await routeStation(a, token, bar!.id, [barPrinter.id]);

    const [, diavola, lemonade] = venue.products;
    const table = await openAndJoin(a, token, "Table 7");
    const phoneA = await socket(a, { token: table.customerToken });
    const phoneB = await socket(b, { token: (await b.api.joinSession(table.session.joinCode, "Bea")).token });
    // Ten orders, one after another, alternating instances: pizzas to the kitchen's two printers, lemonades to the bar's.
    const numbers: number[] = [];
    for (let i = 0; i < 10; i++) {
      const order = await placeOne(i % 2 === 0 ? phoneA : phoneB, i % 3 === 2 ? lemonade!.id : diavola!.id);
      numbers.push(order.number);
    }
    const kitchenNumbers = numbers.filter((_, i) => i % 3 !== 2);
    const barNumbers = numbers.filter((_, i) => i % 3 === 2);

    const numberOn = (doc: PrintedDocument) => Number(/Table 7 #(\d+)/.exec(textOf(doc))?.[1]);
    const grillDocs = await grillFake.waitForDocuments(kitchenNumbers.length, 20_000);
    const passDocs = await passFake.waitForDocuments(kitchenNumbers.length, 20_000);
    const barDocs = await barFake.waitForDocuments(barNumbers.length, 20_000);
    // Every ticket once on each printer of its station, cut, none marked.
    expect(grillDocs.map(numberOn).sort((x, y) => x - y)).toEqual(kitchenNumbers);
    expect(barDocs.map(numberOn).sort((x, y) => x - y)).toEqual(barNumbers);
    expect([...grillDocs, ...passDocs, ...barDocs].every((d) => d.cut !== "none" && !textOf(d).includes("REPRINT"))).toBe(true);

    // The record: one job per ticket and printer, printed on the first attempt, with what it printed.
    const jobs = await eventually(async () => {
      const all = await jobsOf(prisma, table.session.id);
      return all.length === 2 * kitchenNumbers.length + barNumbers.length && all.every((j) => j.status === "PRINTED") && all;
    });
    expect(jobs.every((j) => j.attempts === 1 && !j.reprint && j.kind === "TICKET" && j.printedAt !== null)).toBe(true);
    expect(new Set(jobs.map((j) => `${j.ticketId}@${j.printerId}`)).size).toBe(jobs.length);
    expect(jobs.find((j) => j.printerId === barPrinter.id)?.content).toContain("Lemonade");
    // Each printer printed its tickets in the order they were sent to the kitchen (the jobs' order,
    // made with the tickets as the workers accepted the orders), whichever instance or worker took them.
    const madeOrder = (printerId: string) =>
      jobs.filter((j) => j.printerId === printerId).map((j) => Number(/Table 7 #(\d+)/.exec(j.content ?? "")?.[1]));
    expect(grillDocs.map(numberOn)).toEqual(madeOrder(grill.id));
    expect(passDocs.map(numberOn)).toEqual(madeOrder(pass.id));
    expect(barDocs.map(numberOn)).toEqual(madeOrder(barPrinter.id));
    expect(passDocs.map(numberOn)).toEqual(grillDocs.map(numberOn));
    // Nothing more comes out later (no second copy from the other worker).
    await new Promise((r) => setTimeout(r, 1500)); // a window for a duplicate to show, not a wait for the state
    expect([grillFake.documents.length, passFake.documents.length, barFake.documents.length]).toEqual([
      kitchenNumbers.length,
      kitchenNumbers.length,
      barNumbers.length,
    ]);
  });

  it("a printer down for 30 s: the floor and the kitchen hear it within 5 s, tickets go to the backup, the order carries on, and it clears when the printer is back", async ({
    server,
    venue,
    socket,
    prisma,
    worker,
    resources,
  }) => {
    void worker;
    const token = venue.staffToken;
    const [kitchen, bar] = venue.stations;
    const grillFake = resources.add(await startFakePrinter(), (f) => f.close());
    const backupFake = resources.add(await startFakePrinter(), (f) => f.close());
    const barFake = resources.add(await startFakePrinter(), (f) => f.close());
    const grill = await addPrinter(server, token, grillFake, "Grill");
    const backup = await addPrinter(server, token, backupFake, "Backup");
    const barPrinter = await addPrinter(server, token, barFake, "Bar");
    await routeStation(server, token, kitchen!.id, [grill.id], backup.id);
    await routeStation(server, token, bar!.id, [barPrinter.id]); // no backup: its tickets wait for it

    const floor = await socket(server, { token });
    const cook = await socket(server, { token: (await createAccount(server, token, "KITCHEN")).token });
    const table = await openAndJoin(server, token, "Table 3");
    const phone = await socket(server, { token: table.customerToken });
    const [, diavola, lemonade] = venue.products;

    // The grill hangs (answers nothing) and the bar printer is switched off.
    await grillFake.setMode("silent");
    await barFake.setMode("refuse");
    const downAt = Date.now();
    const first = await placeOne(phone, diavola!.id);
    const drink = await placeOne(phone, lemonade!.id);
    const failing = (s: ClientSocket, id: string) =>
      recorderOf(s).waitFor("printer:status", (h: PrinterHealthDto) => h.printerId === id && h.problem !== null, 5_000);
    const [floorGrill, cookGrill, floorBar] = (await Promise.all([
      failing(floor, grill.id),
      failing(cook, grill.id),
      failing(floor, barPrinter.id),
    ])) as PrinterHealthDto[];
    expect(Date.now() - downAt).toBeLessThan(5_000);
    expect(floorGrill).toMatchObject({ name: grill.name, problem: expect.stringContaining("no answer"), backups: [backup.name] });
    expect(cookGrill!.problem).toBe(floorGrill!.problem);
    expect(floorBar).toMatchObject({ problem: expect.stringContaining("refused"), backups: [] });
    // The phone hears nothing of it.
    expect(recorderOf(phone).events.some((e) => e.name === "printer:status")).toBe(false);
    // The ticket came out on the backup, not marked (the grill never took it).
    const [onBackup] = await backupFake.waitForDocuments(1, 10_000);
    expect(textOf(onBackup!)).toContain(`Table 3 #${first.number}`);
    expect(textOf(onBackup!)).not.toContain("REPRINT");
    // The order carries on: accepted and preparing, nothing failed.
    expect((await prisma.order.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("ACCEPTED");
    const health = await server.api.route("GET /api/printers/health", { token });
    expect(
      health.printers
        .slice(0, 2)
        .map((p) => p.printerId)
        .sort(),
    ).toEqual([grill.id, barPrinter.id].sort());
    expect(health.printers.find((p) => p.printerId === barPrinter.id)).toMatchObject({ waiting: 1 });

    // More orders while it is down: each goes to the backup in order; the drinks wait.
    const later: number[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 8_000)); // orders spread over the outage (the scenario's pace, not a wait for a state)
      later.push((await placeOne(phone, i === 1 ? lemonade!.id : diavola!.id)).number);
    }
    const laterPizzas = later.filter((_, i) => i !== 1);
    const backupDocs = await backupFake.waitForDocuments(1 + laterPizzas.length, 10_000);
    expect(backupDocs.map((d) => Number(/Table 3 #(\d+)/.exec(textOf(d))?.[1]))).toEqual([first.number, ...laterPizzas]);
    expect(barFake.documents).toEqual([]);
    expect(grillFake.documents).toEqual([]);

    // 30 s after it went down both printers come back: the alerts clear, the drinks print in order, new pizzas print on the grill.
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - downAt)))); // the outage's length
    await grillFake.setMode("ok");
    await barFake.setMode("ok");
    const recovered = (s: ClientSocket, id: string) =>
      recorderOf(s).waitFor("printer:status", (h: PrinterHealthDto) => h.printerId === id && h.problem === null, 10_000);
    await Promise.all([recovered(floor, grill.id), recovered(cook, grill.id), recovered(floor, barPrinter.id)]);
    const drinks = await barFake.waitForDocuments(2, 10_000);
    expect(drinks.map((d) => Number(/Table 3 #(\d+)/.exec(textOf(d))?.[1]))).toEqual([drink.number, later[1]]);
    const next = await placeOne(phone, diavola!.id);
    const [onGrill] = await grillFake.waitForDocuments(1, 10_000);
    expect(textOf(onGrill!)).toContain(`Table 3 #${next.number}`);

    // The record says where each went and how many tries it took; nothing was lost or doubled.
    const jobs = await eventually(async () => {
      const all = await jobsOf(prisma, table.session.id);
      return all.length === 6 && all.every((j) => j.status === "PRINTED") && all;
    });
    const moved = jobs.filter((j) => j.madeForId === grill.id && j.printerId === backup.id);
    expect(moved).toHaveLength(1 + laterPizzas.length);
    const drinkJobs = jobs.filter((j) => j.printerId === barPrinter.id);
    expect(drinkJobs).toHaveLength(2);
    expect(drinkJobs[0]!.attempts).toBeGreaterThan(1); // tried at PRINT_RETRY_MS through the outage
    expect(drinkJobs.every((j) => j.lastError === null)).toBe(true);
    expect(jobs.every((j) => !j.reprint)).toBe(true);
    const stored = await prisma.printer.findUniqueOrThrow({ where: { id: grill.id } });
    expect([stored.problem, stored.failingSince, stored.leaseOwner]).toEqual([null, null, null]);
  }, 90_000);

  it("a worker killed mid-job: the ticket is printed once more marked REPRINT, never lost, never an unmarked second copy", async ({
    startServer,
    venue,
    socket,
    prisma,
    spawnWorker,
    startWorker,
    resources,
  }) => {
    // A prefix of its own: only the worker killed here takes its order and its ticket.
    const prefix = freshPrefix();
    const server = await startServer({ REDIS_PREFIX: prefix });
    const token = venue.staffToken;
    const [kitchen] = venue.stations;
    const fake = resources.add(await startFakePrinter(), (f) => f.close());
    const grill = await addPrinter(server, token, fake, "Grill");
    await routeStation(server, token, kitchen!.id, [grill.id]);
    // The printer takes the job and then hangs; the worker waits for its answer (60 s) and is killed meanwhile.
    await fake.setMode("stall");
    const doomed = await spawnWorker({
      REDIS_PREFIX: prefix,
      PRINT_LEASE_MS: "1500",
      PRINTER_STATUS_TIMEOUT_MS: "60000",
      PRINT_SWEEP_AFTER_MS: "600000",
      SWEEP_AFTER_MS: "600000",
      PRINTER_CHECK_MS: "0",
    });
    const table = await openAndJoin(server, token, "Table 9");
    const phone = await socket(server, { token: table.customerToken });
    const order = await placeOne(phone, venue.products[1]!.id);
    const [firstCopy] = await fake.waitForDocuments(1, 15_000);
    expect(textOf(firstCopy!)).toContain(`Table 9 #${order.number}`);
    expect(textOf(firstCopy!)).not.toContain("REPRINT");
    const job = await prisma.printJob.findFirstOrThrow({ where: { sessionId: table.session.id } });
    expect(job.status).toBe("PRINTING");
    await doomed.kill();

    // Another worker takes the printer over once the dead one's lease has run out.
    await fake.setMode("ok");
    startWorker(prefix, { env: { PRINT_LEASE_MS: "1500" } });
    const [, reprint] = await fake.waitForDocuments(2, 15_000);
    expect(textOf(reprint!)).toContain("REPRINT");
    expect(textOf(reprint!)).toContain(`Table 9 #${order.number}`);
    const done = await eventually(async () => {
      const j = await prisma.printJob.findUniqueOrThrow({ where: { id: job.id } });
      return j.status === "PRINTED" && j;
    });
    expect([done.attempts, done.reprint, done.maybePrinted]).toEqual([2, true, true]);
    expect(done.content).toContain("REPRINT");
    await new Promise((r) => setTimeout(r, 1500)); // a window for a third copy to show, not a wait for the state
    expect(fake.documents).toHaveLength(2);
  }, 60_000);

  it("a removed printer's waiting jobs are cancelled with the reason, not left waiting for nowhere", async ({
    server,
    venue,
    socket,
    prisma,
    worker,
    resources,
  }) => {
    void worker;
    const token = venue.staffToken;
    // Switched off: the ticket's job waits (retried) until the printer is removed.
    const fake = resources.add(await startFakePrinter(), (f) => f.close());
    await fake.setMode("refuse");
    const grill = await addPrinter(server, token, fake, "Grill");
    await routeStation(server, token, venue.stations[0]!.id, [grill.id]);
    const table = await openAndJoin(server, token, "Table 4");
    const phone = await socket(server, { token: table.customerToken });
    await placeOne(phone, venue.products[1]!.id);
    await eventually(async () => (await jobsOf(prisma, table.session.id)).some((j) => j.attempts > 0 && j.lastError !== null));
    await server.api.route("DELETE /api/printers/:id", { token, params: { id: grill.id } });
    const [cancelled] = await jobsOf(prisma, table.session.id);
    expect([cancelled!.status, cancelled!.printerId, cancelled!.lastError]).toEqual(["CANCELLED", null, "its printer was removed"]);
    // The worker lets go of it: nothing is tried any more.
    await fake.setMode("ok");
    await new Promise((r) => setTimeout(r, 2500)); // a retry period in which nothing may print, not a wait for a state
    expect(fake.documents).toEqual([]);
  });
});
