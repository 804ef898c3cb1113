// Issue 34: a waiter prints a table's bill on the location's receipt printer from its sheet —
// the page reaches the test kit's fake ESC/POS printer (TCP on loopback, the paper parsed
// back) through the real server and the pipeline worker's print worker. A double tap prints
// one copy; the paper's total is the sheet's. Closed, its receipt prints from its record.
import { randomUUID } from "node:crypto";
import { startFakePrinter } from "../../server/dist/tools/fake-printer.js";
import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { orderOnPhone } from "../support/session.js";
import { joinUrlFromPanel, openSession, showTable } from "../support/ui.js";

test("Print bill on a table's sheet puts the bill on the receipt printer, once per press, with the sheet's total", async ({
  panel: page,
  phones,
  api,
  venue,
  prisma,
}) => {
  const fake = await startFakePrinter();
  try {
    const token = venue.staffToken;
    const { printer } = await api.route("POST /api/printers", {
      token,
      body: { name: "Front", host: fake.host, port: fake.port, paperWidthMm: 58 },
    });
    await api.route("PUT /api/printers/receipt", { token, body: { printerId: printer.id } });
    await page.reload(); // the panel reads the location (its receipt printer) when it loads

    await openSession(page, "Table 41");
    const ann = await phones.join(await joinUrlFromPanel(page, "Table 41"), "Ann");
    await orderOnPhone(ann.page, ["Margherita", "Lemonade"]);
    const sheet = await showTable(page, "Table 41");
    await expect(sheet.getByText("Due €14.00")).toBeVisible();

    const print = sheet.getByRole("button", { name: "Print bill" });
    await print.dblclick(); // a double tap
    await expect(sheet.getByRole("status").filter({ hasText: "Sent to Front." })).toBeVisible();
    const [paper] = await fake.waitForDocuments(1, 10_000);
    const lines = paper!.lines.map((l) => l.text.trim());
    expect(lines).toEqual(expect.arrayContaining(["BILL - not a receipt", "Table 41"]));
    expect(lines.find((l) => l.startsWith("Total"))).toMatch(/^Total\s+€14\.00$/);
    expect(lines.find((l) => l.startsWith("Due"))).toMatch(/^Due\s+€14\.00$/);
    expect(paper!.lines.every((l) => l.text.length <= 32)).toBe(true);
    expect(paper!.cut).not.toBe("none");
    await expectAccessible(page, test.info(), "table sheet with Print bill");
    await sheet.screenshot({ path: test.info().outputPath("table-sheet-print-bill.png") });

    // The double tap made one job; the next press is a second copy.
    const sessionId = (await api.listSessions(token, "OPEN")).find((s) => s.label === "Table 41")!.id;
    expect(await prisma.printJob.count({ where: { sessionId } })).toBe(1);
    await print.click();
    await expect.poll(() => prisma.printJob.count({ where: { sessionId } })).toBe(2);
    await fake.waitForDocuments(2, 10_000);
    expect(fake.documents).toHaveLength(2);

    // Paid and closed: its receipt, from the closed session's record, in German.
    await api.recordPayment(token, sessionId, { clientPaymentId: randomUUID(), method: "CASH", amountCents: 1400 });
    await api.closeSession(token, sessionId, { unfinished: "finish" });
    await page.getByRole("button", { name: "View Table 41" }).click();
    const record = page.getByRole("dialog", { name: "Table 41 — record" });
    await record.getByLabel("Language on paper").selectOption("de");
    await record.getByRole("button", { name: "Print receipt" }).click();
    await expect(record.getByRole("status").filter({ hasText: "Sent to Front." })).toBeVisible();
    const [, , receipt] = await fake.waitForDocuments(3, 10_000);
    const de = receipt!.lines.map((l) => l.text.trim());
    expect(de).toContain("Beleg-Nr. 1");
    expect(de.find((l) => l.startsWith("Gesamt"))).toMatch(/^Gesamt\s+14,00 €$/);
    expect(de.find((l) => l.startsWith("bar"))).toMatch(/14,00 €$/);
  } finally {
    await fake.close();
  }
});
