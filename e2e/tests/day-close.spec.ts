// Issue 33, item 3 (end of day): a manager with a day of a few paid tables opens Reports, reads
// the Z report and its chart, downloads the CSV — whose total row says what the page says — and
// closes the day. Each run seeds its own venue (a business day in Berlin's time zone).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { payAndClose, sessionDetail, waitForAccepted } from "../support/phone-side.js";

/** "€1,234.50" → 123450 (the page writes money in en-US here). */
const centsOf = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, "")) * 100);

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

test("the manager reads the Z report and its chart, the CSV has the same totals, and the day closes", async ({
  api,
  venue,
  panel,
  prisma,
}) => {
  const token = venue.staffToken;
  await api.route("PATCH /api/location", { token, body: { timeZone: "Europe/Berlin" } });
  const products = await api.listProducts(token);
  const named = (name: string) => products.find((p) => p.name === name)!.id;
  const enter = async (label: string, lines: [string, number][]) => {
    const { session } = await api.openSession(token, label);
    await api.route("POST /api/sessions/:id/orders", {
      token,
      params: { id: session.id },
      body: { clientOrderId: randomUUID(), items: lines.map(([name, quantity]) => ({ productId: named(name), quantity })) },
    });
    await waitForAccepted(api, token, session.id, 1);
    return session.id;
  };
  // Three paid tables (one with a tip), and one still open.
  const paid = [
    await enter("Table 1", [["Bruschetta", 2]]),
    await enter("Table 2", [
      ["Burrata", 1],
      ["Arancini", 1],
    ]),
    await enter("Table 3", [["Olives", 3]]),
  ];
  await payAndClose(api, token, paid[0]!);
  await payAndClose(api, token, paid[1]!, 250);
  await payAndClose(api, token, paid[2]!);
  await enter("Table 4", [["Bruschetta", 1]]);
  const receipts = await Promise.all(paid.map(async (id) => (await sessionDetail(api, token, id)).receipt!));
  const sum = receipts.reduce((s, r) => s + r.bill.totalCents, 0);

  // The manager opens Reports from the panel's navigation.
  await panel.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Reports" }).click();
  await expect(panel.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  const z = panel.getByTestId("z-report");
  await expect(z.getByTestId("total-receipts")).toContainText("3");
  const gross = centsOf((await z.getByTestId("total-gross").textContent()) ?? "");
  expect(gross).toBe(sum);
  expect(centsOf((await z.getByTestId("total-tips").textContent()) ?? "")).toBe(250);
  const numbers = receipts.map((r) => r.number!);
  await expect(z.getByTestId("total-receipts")).toContainText(`No. ${Math.min(...numbers)}–${Math.max(...numbers)}`);
  // The sections the issue lists, and the open table warned about.
  for (const name of ["Sales by tax rate", "Payments by method", "Sales by category", "Product mix", "By staff member"]) {
    await expect(z.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  await expect(z.getByRole("note")).toContainText("Table 4");
  // The chart: uPlot, fetched with this page only, draws on a canvas.
  await expect(z.getByRole("figure").filter({ hasText: "Sales per hour" }).locator("canvas")).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath("z-report.png"), fullPage: true });
  await expectAccessible(panel, test.info(), "reports", { contrast: true });

  // The CSV of the last seven days: its total row is the page's range totals and the Z report's.
  const range = panel.getByTestId("range-report");
  await expect(range.getByTestId("total-gross")).toHaveText((await z.getByTestId("total-gross").textContent()) ?? "");
  const [download] = await Promise.all([panel.waitForEvent("download"), panel.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(new TextDecoder().decode(await readFile((await download.path())!)));
  const [header, ...rows] = csv;
  const total = rows.at(-1)!;
  const col = (name: string) => header!.indexOf(name);
  expect(total[0]).toBe("Total");
  expect(total[col("currency")]).toBe("EUR");
  expect(Math.round(Number(total[col("gross")]) * 100)).toBe(gross);
  expect(Math.round(Number(total[col("tips")]) * 100)).toBe(250);
  expect(Number(total[col("receipts")])).toBe(3);
  expect(Math.round(Number(total[col("net")]) * 100)).toBe(centsOf((await range.getByTestId("total-net").textContent()) ?? ""));
  expect(Math.round(Number(total[col("tax")]) * 100)).toBe(centsOf((await range.getByTestId("total-tax").textContent()) ?? ""));

  // Closing the day: asked first (the open table named in the question), then stored and shown closed.
  await panel.getByRole("button", { name: "Close day…" }).click();
  const dialog = panel.getByRole("dialog", { name: /^Close / });
  await expect(dialog).toContainText("1 table is still open");
  await dialog.getByRole("button", { name: "Close the day" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "is closed" })).toBeVisible();
  await expect(panel.getByTestId("day-status")).toContainText(`Closed by ${venue.owner.displayName}`);
  await expect(panel.getByRole("button", { name: "Close day…" })).toHaveCount(0);
  const closes = await prisma.dayClose.findMany({ where: { locationId: venue.locationId } });
  expect(closes).toHaveLength(1);
  expect(closes[0]!.firstReceipt).toBe(Math.min(...numbers));
  // The stored report says what the page said.
  expect(centsOf((await z.getByTestId("total-gross").textContent()) ?? "")).toBe(gross);
  await panel.screenshot({ path: test.info().outputPath("z-report-closed.png"), fullPage: true });
});
