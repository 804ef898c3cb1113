// Issue 34, item 1: printers as a part of a location, and the test print — through the real
// REST API, over real TCP, to the test kit's fake ESC/POS printer, which parses the bytes back
// into lines, codes and cuts and answers status requests as an Epson printer does.
import { randomUUID } from "node:crypto";
import { type FakePrinter, startFakePrinter } from "../../src/tools/fake-printer.js";
import { describe, expect, it } from "../support/kit.js";

describe("printers", () => {
  it("a test print asks the printer's status and puts a page on its paper: name, venue, ruler, accents, QR, cut", async ({
    server,
    venue,
    resources,
  }) => {
    const fake: FakePrinter = resources.add(await startFakePrinter(), (f) => f.close());
    const token = venue.staffToken;
    const { printer } = await server.api.route("POST /api/printers", {
      token,
      body: { name: `Grill ${randomUUID().slice(0, 4)}`, host: fake.host, port: fake.port, paperWidthMm: 58 },
    });
    expect(printer).toMatchObject({ port: fake.port, paperWidthMm: 58, codepage: "auto" });

    const answer = await server.api.route("POST /api/printers/:id/test", { token, params: { id: printer.id } });
    expect(answer).toMatchObject({
      printed: true,
      status: { reachable: true, online: true, paperOut: false, coverOpen: false, problem: null },
    });
    const [page] = await fake.waitForDocuments(1, 5_000);
    const texts = page!.lines.map((l) => l.text.trim());
    expect(page!.lines.find((l) => l.text.includes("TEST PRINT"))).toMatchObject({ bold: true, width: 2, height: 2 });
    expect(texts).toContain(printer.name);
    expect(texts).toContain("12345678901234567890123456789012"); // 32 columns on 58 mm paper
    expect(texts).toContain("ÄÖÜ äöü ß · àèéìòù · ñ ç · €");
    expect(page!.codes).toEqual([expect.objectContaining({ kind: "qr", data: `ordered:printer:${printer.id}` })]);
    expect(page!.cut).not.toBe("none");
    expect(fake.unknownCommands).toEqual([]);
  });

  it("says what is wrong and prints nothing when the printer is out of paper, open, silent or off", async ({
    server,
    venue,
    resources,
  }) => {
    const fake = resources.add(await startFakePrinter(), (f) => f.close());
    const token = venue.staffToken;
    const { printer } = await server.api.route("POST /api/printers", {
      token,
      body: { name: `Bar ${randomUUID().slice(0, 4)}`, host: fake.host, port: fake.port },
    });
    const test = () => server.api.route("POST /api/printers/:id/test", { token, params: { id: printer.id } });

    await fake.setMode("paperOut");
    expect(await test()).toMatchObject({ printed: false, status: { reachable: true, paperOut: true, problem: "paper out" } });
    await fake.setMode("coverOpen");
    expect(await test()).toMatchObject({ printed: false, status: { reachable: true, coverOpen: true, problem: "cover open" } });
    await fake.setMode("silent");
    expect(await test()).toMatchObject({ printed: false, status: { reachable: false, problem: expect.stringContaining("no answer") } });
    await fake.setMode("refuse");
    expect(await test()).toMatchObject({ printed: false, status: { reachable: false, problem: expect.stringContaining("refused") } });
    expect(fake.documents).toEqual([]);
    await fake.setMode("ok");
    expect((await test()).printed).toBe(true);
    expect(await fake.waitForDocuments(1, 5_000)).toHaveLength(1);
  });

  it("are the location's own: names unique in any case, addresses and widths checked, another location's printer not found", async ({
    server,
    venue,
    otherVenue,
    prisma,
  }) => {
    const token = venue.staffToken;
    const name = `Pass ${randomUUID().slice(0, 4)}`;
    const { printer } = await server.api.route("POST /api/printers", { token, body: { name, host: "printer-1.local", port: 9100 } });
    await expect(
      server.api.route("POST /api/printers", { token, body: { name: name.toUpperCase(), host: "10.0.0.9" } }),
    ).rejects.toMatchObject({
      status: 409,
      error: { code: "CONFLICT", message: expect.stringContaining("already exists") },
    });
    for (const [body, field] of [
      [{ name: "x", host: "http://10.0.0.9" }, "host"],
      [{ name: "x", host: "10.0.0.9:9100" }, "host"],
      [{ name: "x", host: "10.0.0.9", port: 70000 }, "port"],
      [{ name: "x", host: "10.0.0.9", paperWidthMm: 72 }, "paperWidthMm"],
      [{ name: "x", host: "10.0.0.9", codepage: "klingon" }, "codepage"],
    ] as const) {
      await expect(server.api.route("POST /api/printers", { token, body: body as never })).rejects.toMatchObject({
        status: 400,
        error: { message: expect.stringContaining(field) },
      });
    }
    const other = otherVenue.staffToken;
    await expect(
      server.api.route("PATCH /api/printers/:id", { token: other, params: { id: printer.id }, body: { name: "Mine" } }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(server.api.route("POST /api/printers/:id/test", { token: other, params: { id: printer.id } })).rejects.toMatchObject({
      status: 404,
    });
    expect((await server.api.route("GET /api/printers", { token: other })).printers).toEqual([]);
    expect(await prisma.printer.count({ where: { locationId: venue.locationId } })).toBe(1);
  });

  it("a station prints on its printers and has a backup; the location's receipts print on one; only its own printers", async ({
    server,
    venue,
    otherVenue,
  }) => {
    const token = venue.staffToken;
    const add = async (name: string) =>
      (await server.api.route("POST /api/printers", { token, body: { name: `${name} ${randomUUID().slice(0, 4)}`, host: "10.0.0.9" } }))
        .printer;
    const [grill, pass, bar] = [await add("Grill"), await add("Pass"), await add("Bar")];
    const { station } = await server.api.route("POST /api/stations", { token, body: { name: `Grill ${randomUUID().slice(0, 4)}` } });
    expect(station).toMatchObject({ printerIds: [], backupPrinterId: null });
    const set = (body: { printerIds: string[]; backupPrinterId?: string | null }, as = token) =>
      server.api.route("PUT /api/stations/:id/printers", { token: as, params: { id: station.id }, body });

    const saved = await set({ printerIds: [grill.id, pass.id], backupPrinterId: bar.id });
    expect(new Set(saved.station.printerIds)).toEqual(new Set([grill.id, pass.id]));
    expect(saved.station.backupPrinterId).toBe(bar.id);
    const listed = (await server.api.route("GET /api/stations", { token })).stations.find((s) => s.id === station.id);
    expect(listed).toEqual(saved.station);
    await expect(set({ printerIds: [grill.id], backupPrinterId: grill.id })).rejects.toMatchObject({
      status: 400,
      error: { message: expect.stringContaining("backupPrinterId") },
    });
    await expect(set({ printerIds: [grill.id, grill.id] })).rejects.toMatchObject({ status: 400 });
    // Another location's printer, or its station: not found; nothing changed.
    const foreign = (
      await server.api.route("POST /api/printers", { token: otherVenue.staffToken, body: { name: "Theirs", host: "10.0.0.8" } })
    ).printer;
    await expect(set({ printerIds: [foreign.id] })).rejects.toMatchObject({ status: 404 });
    await expect(set({ printerIds: [] }, otherVenue.staffToken)).rejects.toMatchObject({ status: 404 });
    expect((await server.api.route("GET /api/stations", { token })).stations.find((s) => s.id === station.id)).toEqual(saved.station);

    // Removing a printer takes it off the station; the backup removed leaves none.
    await server.api.route("DELETE /api/printers/:id", { token, params: { id: pass.id } });
    await server.api.route("DELETE /api/printers/:id", { token, params: { id: bar.id } });
    expect((await server.api.route("GET /api/stations", { token })).stations.find((s) => s.id === station.id)).toMatchObject({
      printerIds: [grill.id],
      backupPrinterId: null,
    });

    const receipt = await server.api.route("PUT /api/printers/receipt", { token, body: { printerId: grill.id } });
    expect(receipt.location.receiptPrinterId).toBe(grill.id);
    await expect(server.api.route("PUT /api/printers/receipt", { token, body: { printerId: foreign.id } })).rejects.toMatchObject({
      status: 404,
    });
    expect(
      (await server.api.route("PUT /api/printers/receipt", { token, body: { printerId: null } })).location.receiptPrinterId,
    ).toBeNull();
  });
});
