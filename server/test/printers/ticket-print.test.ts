// Issue 34, item 2: kitchen tickets a cook reads at a glance. Through the real pipeline (an
// order entered by staff, accepted by the worker, its ticket's print job made by the trigger
// and printed by the worker's print worker) onto the test kit's fake ESC/POS printer, which
// parses the bytes back into lines (bold, inverted, size), QR codes and cuts.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CreateProductBody, PrinterDto, ProductDto } from "@ordered/contract";
import { sqlOn } from "../../src/db/sql.js";
import { renderTicketJob } from "../../src/printers/ticket-print.js";
import { TICKET_WORDS } from "../../src/printers/ticket-words.js";
import { type PrintedDocument, type PrintedLine, startFakePrinter } from "../../src/tools/fake-printer.js";
import { eventually, type TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { dataOf, send } from "../support/sockets.js";

const station = (venue: Venue, name: string) => venue.stations.find((s) => s.name === name)!;
const courseId = (venue: Venue, name: string) => venue.courses.find((c) => c.name === name)!.id;
const texts = (doc: PrintedDocument) => doc.lines.map((l) => l.text.trim());
const lineWith = (doc: PrintedDocument, text: string): PrintedLine => {
  const line = doc.lines.find((l) => l.text.includes(text));
  if (!line) throw new Error(`no line with "${text}" in:\n${texts(doc).join("\n")}`);
  return line;
};
/** What fits a line of the paper: double-width characters take two columns. */
const columnsUsed = (l: PrintedLine) => l.text.trimEnd().length * l.width;

/** A fake printer on `stationName`'s printers, added through the REST API as a manager would. */
async function printerAt(server: TestServer, venue: Venue, stationName: string, paperWidthMm: 58 | 80) {
  const fake = await startFakePrinter();
  const token = venue.staffToken;
  const { printer } = await server.api.route("POST /api/printers", {
    token,
    body: { name: `${stationName} ${randomUUID().slice(0, 4)}`, host: fake.host, port: fake.port, paperWidthMm },
  });
  await server.api.route("PUT /api/stations/:id/printers", {
    token,
    params: { id: station(venue, stationName).id },
    body: { printerIds: [printer.id] },
  });
  return { fake, printer: printer as PrinterDto };
}

/** A pizza with a size, extras and allergens, and a name too long for one line of 58 mm paper. */
async function pizza(server: TestServer, venue: Venue): Promise<ProductDto> {
  const body: CreateProductBody = {
    name: `Quattro Formaggi della Casa al Forno ${randomUUID().slice(0, 4)}`,
    categoryId: venue.categories.find((c) => c.name === "Pizza")!.id,
    priceCents: 1100,
    allergens: ["MILK", "GLUTEN", "NUTS"],
    optionGroups: [
      { name: "Size", minChoices: 1, maxChoices: 1, options: [{ name: "Large", priceDeltaCents: 200 }] },
      { name: "Extras", minChoices: 0, maxChoices: 1, options: [{ name: "Extra smoked bacon", priceDeltaCents: 150 }] },
    ],
  };
  return (await server.api.route("POST /api/products", { token: venue.staffToken, body })).product;
}

async function enter(server: TestServer, venue: Venue, label: string, items: object[], hold?: string[]) {
  const { session } = await server.api.openSession(venue.staffToken, label);
  const { order } = await server.api.route("POST /api/sessions/:id/orders", {
    token: venue.staffToken,
    params: { id: session.id },
    body: { clientOrderId: randomUUID(), items: items as never, hold },
  });
  return { session, order };
}

describe("kitchen tickets on paper", () => {
  it("show table and number, station, course, seat, options, note, a prominent allergy note and translated allergens, wrapped to 58 mm, with a bump QR and a cut; a void prints a VOID slip", async ({
    server,
    worker,
    venue,
    resources,
    prisma,
  }) => {
    expect(worker).toBeDefined(); // the pipeline accepts the order and prints its ticket
    const { fake } = await printerAt(server, venue, "Kitchen", 58);
    resources.add(fake, (f) => f.close());
    const product = await pizza(server, venue);
    const options = product.optionGroups.flatMap((g) => g.options).map((o) => o.id);
    const diavola = venue.products[1]!;
    const label = `Table ${randomUUID().slice(0, 3)}`;
    const { session, order } = await enter(server, venue, label, [
      { productId: product.id, quantity: 2, seat: 2, options, note: "well done, cut in eight slices please" },
      { productId: diavola.id, quantity: 1, seat: 1, note: "Severe nut allergy!" },
    ]);

    const [ticket] = await fake.waitForDocuments(1, 15_000);
    const doc = ticket!;
    const ticketRow = await prisma.ticket.findFirstOrThrow({ where: { orderId: order.id } });
    // Header: the table and the order's number as the screens say it, big; station and the time it was fired.
    expect(lineWith(doc, label)).toMatchObject({ bold: true, width: 2, height: 2 });
    expect(texts(doc)).toContain(`${label} #1`);
    expect(lineWith(doc, "Kitchen").text).toMatch(/^Kitchen {20}\d{2}:\d{2}$/); // the time at the right edge
    expect(texts(doc)).toContain("Course: Mains");
    // Lines: quantity × product bold and tall, wrapped between words; seat, options, note.
    expect(lineWith(doc, "2 x Quattro")).toMatchObject({ bold: true, height: 2 });
    expect(texts(doc)).toEqual(expect.arrayContaining(["2 x Quattro Formaggi della Casa", "Seat 2", "+ Large", "+ Extra smoked bacon"]));
    expect(texts(doc).join(" ")).toContain("Note: well done, cut in eight slices please");
    expect(texts(doc).join(" ")).toContain("Allergens: Gluten (cereals), Milk, Nuts (tree nuts)");
    // An allergy note is the loudest thing on the paper.
    expect(lineWith(doc, "ALLERGY")).toMatchObject({ invert: true, bold: true, width: 2 });
    expect(lineWith(doc, "Severe nut allergy!")).toMatchObject({ invert: true, bold: true });
    expect(texts(doc)).toContain("1 x Diavola");
    for (const line of doc.lines) expect(columnsUsed(line), line.text).toBeLessThanOrEqual(32);
    expect(doc.codes).toEqual([expect.objectContaining({ kind: "qr", data: `ordered:bump:${ticketRow.id}` })]);
    expect(doc.cut).toBe("full");
    expect(fake.unknownCommands).toEqual([]);
    // The job keeps the plain text it printed.
    const job = await eventually(() => prisma.printJob.findFirst({ where: { ticketId: ticketRow.id, status: "PRINTED" } }));
    expect(job.content).toContain(`${label} #1`);
    expect(job.content).toContain(`[QR ordered:bump:${ticketRow.id}]`);

    // The pizza is voided: a VOID slip with only that line, no QR (nothing to bump), cut.
    const voided = await server.api.request("POST", `/api/sessions/${session.id}/corrections`, {
      token: venue.staffToken,
      body: { clientCorrectionId: randomUUID(), kind: "VOID", orderId: order.id, position: 0 },
    });
    expect(voided.status, JSON.stringify(voided.body)).toBe(201);
    const slip = (await fake.waitForDocuments(2, 15_000))[1]!;
    expect(lineWith(slip, "VOID")).toMatchObject({ invert: true, width: 2, height: 2 });
    expect(texts(slip)).toContain(`${label} #1`);
    expect(texts(slip)).toContain("2 x Quattro Formaggi della Casa");
    expect(texts(slip).join(" ")).not.toContain("Diavola");
    expect(slip.codes).toEqual([]);
    expect(slip.cut).toBe("full");
    await eventually(() => prisma.printJob.findFirst({ where: { ticketId: ticketRow.id, kind: "VOID", status: "PRINTED" } }));

    // A copy of the ticket printed now (a reprint after a crash) says so, and marks the voided line.
    const reprint = await renderTicketJob(
      sqlOn(prisma),
      { kind: "TICKET", ticketId: ticketRow.id, correctionId: null, source: `ticket:${ticketRow.id}`, reprint: true },
      { paperWidthMm: 58, codepage: "auto" },
    );
    const lines = reprint.text.split("\n").map((l) => l.trim());
    expect(lines[0]).toBe("REPRINT");
    expect(lines.indexOf("VOID")).toBe(lines.findIndex((l) => l.startsWith("2 x Quattro")) - 1);
    expect(lines).toContain("1 x Diavola");
  });

  it("print in the kitchen's language (German here), on 80 mm; a held course prints only when fired, and again as RE-FIRE", async ({
    server,
    worker,
    venue,
    resources,
    prisma,
    socket,
  }) => {
    expect(worker).toBeDefined();
    const { location } = await server.api.route("PATCH /api/location", { token: venue.staffToken, body: { kitchenLanguage: "de" } });
    expect(location.kitchenLanguage).toBe("de");
    const refused = await server.api.request("PATCH", "/api/location", { token: venue.staffToken, body: { kitchenLanguage: "nl" } });
    expect(refused.status).toBe(400);
    const { fake } = await printerAt(server, venue, "Kitchen", 80);
    resources.add(fake, (f) => f.close());
    const product = await pizza(server, venue);
    const mains = courseId(venue, "Mains");
    const label = `Tisch ${randomUUID().slice(0, 3)}`;
    const { session, order } = await enter(
      server,
      venue,
      label,
      [
        { productId: product.id, quantity: 1, seat: 3, options: [product.optionGroups[0]!.options[0]!.id], note: "Allergie: Walnüsse" },
        { productId: venue.products[2]!.id, quantity: 1 },
      ],
      [mains],
    );
    // Held: its ticket exists, and no print job was made with it (the trigger waits for the fire).
    const held = await eventually(() => prisma.ticket.findFirst({ where: { orderId: order.id, courseId: mains } }));
    expect(held.firedAt).toBeNull();
    expect(await prisma.printJob.count({ where: { ticketId: held.id } })).toBe(0);

    const waiter = await socket(server, { token: venue.staffToken });
    dataOf(await send(waiter, "course:fire", { sessionId: session.id, courseId: mains }));
    const doc = (await fake.waitForDocuments(1, 15_000))[0]!;
    expect(texts(doc)).toContain(`${label} #1`);
    expect(texts(doc)).toContain("Gang: Mains");
    expect(texts(doc)).toContain("Platz 3");
    expect(lineWith(doc, "ALLERGIE")).toMatchObject({ invert: true, width: 2 });
    expect(lineWith(doc, "Allergie: Walnüsse")).toMatchObject({ invert: true, bold: true });
    expect(texts(doc).join(" ")).toContain("Allergene: Glutenhaltiges Getreide, Milch, Schalenfrüchte (Nüsse)");
    expect(texts(doc).join(" ")).not.toMatch(/Seat|Allergens|Course/);
    for (const line of doc.lines) expect(columnsUsed(line), line.text).toBeLessThanOrEqual(48);
    expect(doc.codes.map((c) => c.data)).toEqual([`ordered:bump:${held.id}`]);

    // Held again and fired again: the kitchen may have the first paper, so this one says so.
    dataOf(await send(waiter, "course:hold", { sessionId: session.id, courseId: mains }));
    dataOf(await send(waiter, "course:fire", { sessionId: session.id, courseId: mains }));
    const again = (await fake.waitForDocuments(2, 15_000))[1]!;
    expect(lineWith(again, "NEU ABGERUFEN")).toMatchObject({ invert: true, width: 2, height: 2 });
    expect(again.codes.map((c) => c.data)).toEqual([`ordered:bump:${held.id}`]);
    const jobs = await eventually(async () => {
      const all = await prisma.printJob.findMany({ where: { ticketId: held.id }, orderBy: { seq: "asc" } });
      return all.every((j) => j.status === "PRINTED") && all.length === 2 ? all : null;
    });
    expect(jobs.map((j) => j.source.split(":")[0])).toEqual(["ticket", "refire"]);
    expect(jobs[1]!.content!.split("\n")[0]!.trim()).toBe("NEU ABGERUFEN");
  });

  it("name allergens as the menu and the kitchen display do (web/src/locales), in each kitchen language", () => {
    const locales = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/src/locales");
    for (const [language, words] of Object.entries(TICKET_WORDS)) {
      const web = JSON.parse(readFileSync(path.join(locales, `${language}.json`), "utf8")) as Record<string, string>;
      for (const [code, name] of Object.entries(words.allergenNames))
        expect([language, code, name]).toEqual([language, code, web[`allergens.${code}`]]);
    }
  });
});
