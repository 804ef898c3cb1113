import { writeFile } from "node:fs/promises";
import { expect, test } from "../support/fixtures.js";
import { createTable, listTables } from "../support/tables.js";
import { decodeQr, loginStaff } from "../support/ui.js";

test("the card sheet has one card per table, its QR decodes to the table's card URL, and it prints on A4", async ({ page, api, venue }) => {
  for (let n = 1; n <= 7; n++) {
    await createTable(api, venue.staffToken, { name: `Table ${n}`, area: n > 4 ? "Terrace" : "Inside", seats: 4 });
  }
  const tables = await listTables(api, venue.staffToken);
  await loginStaff(page, venue);
  await page.goto("/panel/tables/print");

  await expect(page.getByRole("heading", { name: "Table cards" })).toBeVisible();
  const cards = page.getByRole("figure");
  await expect(cards).toHaveCount(7);
  await expect(cards.first()).toHaveAccessibleName("Card for Table 1");
  // One image per card: the SVG inside is not a second one.
  await expect(page.getByRole("img")).toHaveCount(7);
  const card = page.getByRole("figure", { name: "Card for Table 4" });
  await expect(card).toContainText("Table 4");
  await expect(card).toContainText(venue.name);
  await expect(card).toContainText("Scan to order");
  const table4 = tables.find((t) => t.name === "Table 4")!;
  expect(await decodeQr(card.getByRole("img", { name: "QR code for Table 4" }))).toBe(table4.cardUrl);
  expect(table4.cardUrl).toMatch(/\/t\/[A-Za-z0-9_-]+$/);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: test.info().outputPath(`cards-${viewport.width}.png`) });
  }
  // Small screens too: the card still scans.
  expect(await decodeQr(page.getByRole("figure", { name: "Card for Table 7" }).getByRole("img", { name: "QR code for Table 7" }))).toBe(
    tables.find((t) => t.name === "Table 7")!.cardUrl,
  );

  // Printed: the cards without the controls, six to an A4 page (seven cards: two pages).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("link", { name: /Back to tables/ })).toBeHidden();
  await expect(card).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("cards-print.png"), fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await writeFile(test.info().outputPath("cards.pdf"), pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages).toHaveLength(2);
  const box = pdf.toString("latin1").match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  // A4 in PostScript points: 595 × 842.
  expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
});
