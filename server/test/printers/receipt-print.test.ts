// Issue 34: bills and receipts on the location's receipt printer — asked over the real REST
// API, made into a print_job, delivered by the real print worker over TCP to the test kit's
// fake ESC/POS printer, which parses the paper back into lines and cuts. Amounts are checked
// against the contract's billOf, which the receipt on screen uses too.
import { randomUUID } from "node:crypto";
import { billOf, type PrintDocumentBody } from "@ordered/contract";
import { sqlOn } from "../../src/db/sql.js";
import { nextJob } from "../../src/printers/print-jobs.js";
import { renderJob } from "../../src/printers/render-job.js";
import { type FakePrinter, type PrintedDocument, startFakePrinter } from "../../src/tools/fake-printer.js";
import { acceptedOrder } from "../sessions/session-kit.js";
import { eventually, openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";

type Prisma = Parameters<typeof acceptedOrder>[0];

/** Standard 19 % ("A") on the pizzas, reduced 7 % ("B") on the lemonade. */
async function germanRates(prisma: Prisma, venue: Venue) {
  const rate = (name: string, rateBps: number, position: number) =>
    prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
  const [a, b] = [await rate("A", 1900, 0), await rate("B", 700, 1)];
  await prisma.category.update({ where: { id: venue.categories.find((c) => c.name === "Pizza")!.id }, data: { taxRateId: a.id } });
  await prisma.product.update({ where: { id: venue.products.find((p) => p.name === "Lemonade")!.id }, data: { taxRateId: b.id } });
}

/** A fake printer set as the venue's receipt printer. */
async function receiptPrinter(server: TestServer, venue: Venue, fake: FakePrinter, paperWidthMm: 58 | 80 = 58) {
  const token = venue.staffToken;
  const { printer } = await server.api.route("POST /api/printers", {
    token,
    body: { name: `Front ${randomUUID().slice(0, 4)}`, host: fake.host, port: fake.port, paperWidthMm },
  });
  await server.api.route("PUT /api/printers/receipt", { token, body: { printerId: printer.id } });
  return printer;
}

/** The paper's lines, centred ones without their padding. */
const texts = (doc: PrintedDocument) => doc.lines.map((l) => l.text.trimStart());
const euro = (cents: number, locale = "en-GB") =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100).replace(/\u00a0/g, " ");

describe("bills and receipts on the receipt printer", () => {
  it("print the open table's bill and the closed table's receipt, each once per clientPrintId, with the screen's amounts", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
    resources,
  }) => {
    expect(worker).toBeDefined(); // the pipeline accepts the orders and its print worker prints
    const token = venue.staffToken;
    const fake = resources.add(await startFakePrinter(), (f) => f.close());
    const printer = await receiptPrinter(server, venue, fake);
    await germanRates(prisma, venue);
    await server.api.route("PATCH /api/location", {
      token,
      body: { legalName: "Trattoria Rossi GmbH", address: "Hauptstraße 1\n10115 Berlin", taxId: "DE123456789", serviceChargeBps: 1000 },
    });
    const table = await openAndJoin(server, token, `Table ${randomUUID().slice(0, 4)}`);
    const sessionId = table.session.id;
    const phone = await socket(server, { token: table.customerToken });
    const [, diavola, lemonade] = venue.products;
    const order = await acceptedOrder(prisma, phone, [
      { productId: diavola!.id, quantity: 1 },
      { productId: lemonade!.id, quantity: 2 },
    ]);
    await server.api.route("POST /api/sessions/:id/corrections", {
      token,
      params: { id: sessionId },
      body: { clientCorrectionId: randomUUID(), kind: "DISCOUNT", orderId: order.id, position: 0, percentBps: 1000, reason: "regulars" },
    });
    await server.api.recordPayment(token, sessionId, { clientPaymentId: randomUUID(), method: "CASH", amountCents: 1000 });

    // The bill, as the panel computes it from what it reads.
    const detail = await server.api.route("GET /api/sessions/:id", { token, params: { id: sessionId } });
    const bill = billOf({
      currency: "EUR",
      orders: detail.orders,
      payments: detail.payments,
      corrections: detail.discounts,
      serviceChargeBps: detail.session.serviceChargeBps,
      pricesIncludeTax: detail.session.pricesIncludeTax,
    });
    expect(bill.serviceChargeCents).toBeGreaterThan(0);
    const print = (body: PrintDocumentBody) => server.api.request("POST", `/api/sessions/${sessionId}/print`, { token, body });
    const billBody = { clientPrintId: randomUUID(), document: "BILL" } as const;
    const first = await print(billBody);
    expect(first.status).toBe(201);
    expect(first.body.job).toMatchObject({ kind: "BILL", printer: printer.name, language: "en" });
    const again = await print(billBody); // a double tap
    expect([again.status, again.body.job.id]).toEqual([200, first.body.job.id]);

    const [paper] = await fake.waitForDocuments(1, 10_000);
    const lines = texts(paper!);
    expect(lines).toContain("BILL - not a receipt");
    expect(lines).toContain(table.session.label);
    expect(lines.find((l) => l.startsWith("1 x Diavola (A)"))).toMatch(new RegExp(`${euro(1125).replace(".", "\\.")}$`));
    expect(lines.find((l) => l.startsWith("2 x Lemonade (B)"))).toMatch(/€9\.00$/);
    expect(lines.some((l) => l.includes("Discount"))).toBe(true);
    const amountOf = (label: string) =>
      lines
        .find((l) => l.startsWith(label))
        ?.slice(label.length)
        .trim();
    expect(amountOf("Service charge 10%")).toBe(euro(bill.serviceChargeCents));
    expect(amountOf("Total")).toBe(euro(bill.totalCents));
    expect(amountOf("Paid")).toBe(euro(1000));
    expect(amountOf("Due")).toBe(euro(bill.dueCents));
    expect(paper!.lines.find((l) => l.text.startsWith("Total"))?.bold).toBe(true);
    expect(lines).toContain("Taxes (EUR)");
    for (const rate of bill.taxes) expect(lines.some((l) => l.startsWith(`${rate.name} ${rate.rateBps / 100}%`))).toBe(true);
    expect(lines.every((l) => l.length <= 32)).toBe(true);
    expect(paper!.cut).not.toBe("none");
    const printed = await eventually(async () => {
      const { job } = await server.api.route("GET /api/print-jobs/:id", { token, params: { id: first.body.job.id } });
      return job.status === "PRINTED" && job;
    });
    expect(printed.printedAt).not.toBeNull();
    const stored = await prisma.printJob.findUniqueOrThrow({ where: { id: printed.id } });
    expect(stored).toMatchObject({ source: `bill:${sessionId}:${billBody.clientPrintId}`, requestedById: venue.owner.id });
    expect(stored.content?.split("\n")).toEqual(paper!.lines.map((l) => l.text));

    // Paid in full and closed: its receipt, in German.
    await server.api.recordPayment(token, sessionId, { clientPaymentId: randomUUID(), method: "CARD", amountCents: bill.dueCents });
    const { receipt } = await server.api.route("POST /api/sessions/:id/close", {
      token,
      params: { id: sessionId },
      body: { unfinished: "finish" },
    });
    const receiptBody = { clientPrintId: randomUUID(), document: "RECEIPT", language: "de" } as const;
    expect((await print(receiptBody)).status).toBe(201);
    // Jobs print in order on a printer: had the repeated bill made a job, it would come first.
    const [, second] = await fake.waitForDocuments(2, 10_000);
    const de = texts(second!);
    expect(fake.documents).toHaveLength(2);
    expect(de).toEqual(
      expect.arrayContaining([
        "Trattoria Rossi GmbH",
        "Hauptstraße 1",
        "10115 Berlin",
        "USt-IdNr. DE123456789",
        `Beleg-Nr. ${receipt.number}`,
      ]),
    );
    expect(de.some((l) => l.includes("ZWISCHENRECHNUNG"))).toBe(false);
    const deAmount = (label: string) =>
      de
        .find((l) => l.startsWith(label))
        ?.slice(label.length)
        .trim();
    expect(deAmount("Gesamt")).toBe(euro(receipt.bill.totalCents, "de-DE"));
    expect(deAmount("Offen")).toBe(euro(0, "de-DE"));
    expect(de).toContain("Steuern (EUR)");
    const number = (cents: number) => new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2 }).format(cents / 100);
    for (const r of receipt.bill.taxes) {
      const at = de.findIndex((l) => l.startsWith(`${r.name} ${r.rateBps / 100} %`));
      // The rate and its amounts on one line, or the amounts under a rate too long for its room.
      expect(
        `${de[at]} ${de[at + 1]}`
          .split(/\s+/)
          .filter((w) => /\d,\d\d$/.test(w))
          .slice(0, 3),
      ).toEqual([r.netCents, r.taxCents, r.grossCents].map(number));
    }
    expect(de.find((l) => l.startsWith("bar"))).toMatch(/10,00 €$/);
    expect(de.find((l) => l.startsWith("mit Karte"))).toMatch(new RegExp(`${number(bill.dueCents)} €$`));
    expect(de.every((l) => l.length <= 32)).toBe(true);
    expect(second!.cut).not.toBe("none");
  });

  it("say REPRINT on a copy that may be a second one, and fit 48 columns on 80 mm paper", async ({ server, venue, prisma, resources }) => {
    // No worker here: the job is rendered as the worker would, with reprint asked.
    const fake = resources.add(await startFakePrinter(), (f) => f.close());
    const printer = await receiptPrinter(server, venue, fake, 80);
    const { session } = await server.api.openSession(venue.staffToken, `Table ${randomUUID().slice(0, 4)}`);
    await server.api.route("POST /api/sessions/:id/print", {
      token: venue.staffToken,
      params: { id: session.id },
      body: { clientPrintId: randomUUID(), document: "BILL", language: "it" },
    });
    const db = sqlOn(prisma);
    const job = await nextJob(db, printer.id);
    const copy = await renderJob(db, job!, printer, true);
    const lines = copy.text.split("\n");
    expect(lines[0]?.trim()).toBe("*** RISTAMPA ***");
    expect(lines.map((l) => l.trim())).toContain("PRECONTO - non è uno scontrino");
    expect(lines).toContain("Non è stato ordinato nulla.");
    expect(lines.every((l) => l.length <= 48)).toBe(true);
    expect(lines).toContain("-".repeat(48));
    expect((await renderJob(db, job!, printer, false)).text.split("\n")[0]).not.toContain("RISTAMPA");
  });

  it("are refused without a receipt printer, for a receipt of an open table, a bill of a closed one and another location's table", async ({
    server,
    venue,
    otherVenue,
    prisma,
  }) => {
    const token = venue.staffToken;
    const { session } = await server.api.openSession(token, `Table ${randomUUID().slice(0, 4)}`);
    const print = (body: PrintDocumentBody, id = session.id, as = token) =>
      server.api.request("POST", `/api/sessions/${id}/print`, { token: as, body });
    const bill = { clientPrintId: randomUUID(), document: "BILL" } as const;

    const none = await print(bill);
    expect([none.status, none.body.error.code]).toEqual([409, "NO_RECEIPT_PRINTER"]);
    expect(none.body.error.message).toContain("no receipt printer");

    const { printer } = await server.api.route("POST /api/printers", {
      token,
      body: { name: `Front ${randomUUID().slice(0, 4)}`, host: "10.0.0.9" },
    });
    await server.api.route("PUT /api/printers/receipt", { token, body: { printerId: printer.id } });
    const early = await print({ clientPrintId: randomUUID(), document: "RECEIPT" });
    expect([early.status, early.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(early.body.error.message).toContain("still open");

    const theirs = await print(bill, session.id, otherVenue.staffToken);
    expect([theirs.status, theirs.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await print(bill, randomUUID())).status).toBe(404);

    const made = await print(bill);
    expect(made.status).toBe(201);
    const otherLanguage = await print({ ...bill, language: "fr" });
    expect([otherLanguage.status, otherLanguage.body.error.code]).toEqual([409, "CONFLICT"]);
    const peek = await server.api.request("GET", `/api/print-jobs/${made.body.job.id}`, { token: otherVenue.staffToken });
    expect(peek.status).toBe(404);

    await server.api.route("POST /api/sessions/:id/close", { token, params: { id: session.id }, body: {} });
    const late = await print({ clientPrintId: randomUUID(), document: "BILL" });
    expect([late.status, late.body.error.code]).toEqual([409, "CONFLICT"]);
    expect(await prisma.printJob.count({ where: { sessionId: session.id } })).toBe(1);
  });
});
