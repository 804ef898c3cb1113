// Issue 34, item 2: the owner sets the kitchen tickets' language on /panel/settings; a waiter's
// order prints on the Kitchen's printer (the test kit's fake ESC/POS printer) in that language,
// with a QR code; a keyboard-wedge scanner at the Kitchen's display "types" that code and
// Enter, and the ticket moves on a step each time, as its bump button would move it.
import { randomUUID } from "node:crypto";
import { startFakePrinter } from "../../server/dist/tools/fake-printer.js";
import { expect, test } from "../support/fixtures.js";
import { column, openDisplay, ticketOn } from "../support/kitchen.js";

test("the kitchen language set in Settings prints the ticket in German; scanning its QR code at the display bumps it", async ({
  browser,
  panel,
  api,
  venue,
}) => {
  const token = venue.staffToken;
  const fake = await startFakePrinter();
  try {
    // The owner picks the kitchen's language on the settings page.
    await panel.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Settings" }).click();
    const setting = panel.getByRole("region", { name: "Kitchen tickets" });
    const select = setting.getByLabel("Kitchen tickets' language");
    await expect(select).toHaveValue("en");
    await select.selectOption({ label: "Deutsch" });
    await setting.getByRole("button", { name: "Save language" }).click();
    await expect(setting.getByRole("status")).toHaveText("Saved");
    await setting.screenshot({ path: test.info().outputPath("settings-kitchen-language.png") });
    expect((await api.route("GET /api/location", { token })).location.kitchenLanguage).toBe("de");

    // The Kitchen prints on the fake printer; its display is open.
    const kitchenId = venue.stations.find((s) => s.name === "Kitchen")!.id;
    const { printer } = await api.route("POST /api/printers", {
      token,
      body: { name: `Pass ${randomUUID().slice(0, 4)}`, host: fake.host, port: fake.port, paperWidthMm: 80 },
    });
    await api.route("PUT /api/stations/:id/printers", { token, params: { id: kitchenId }, body: { printerIds: [printer.id] } });
    const display = await openDisplay(browser, kitchenId, venue.owner);
    try {
      const { products } = await api.route("GET /api/products", { token });
      const margherita = products.find((p) => p.name === "Margherita")!;
      // Whatever the menu asks to choose (a size), its first option.
      const chosen = margherita.optionGroups.filter((g) => g.minChoices > 0).map((g) => g.options[0]!);
      const { session } = await api.openSession(token, "Table 9");
      await api.route("POST /api/sessions/:id/orders", {
        token,
        params: { id: session.id },
        body: {
          clientOrderId: randomUUID(),
          items: [{ productId: margherita.id, quantity: 2, seat: 1, options: chosen.map((o) => o.id), note: "Nussallergie beachten" }],
        },
      });

      // On paper, in German: the seat, the size, the allergens by their German names; a QR code.
      const [ticket] = await fake.waitForDocuments(1, 15_000);
      const lines = ticket!.lines.map((l) => l.text.trim());
      expect(lines).toEqual(expect.arrayContaining(["Table 9 #1", "2 x Margherita", "Platz 1", ...chosen.map((o) => `+ ${o.name}`)]));
      expect(lines.join(" ")).toMatch(/Allergene: Glutenhaltiges Getreide, Milch/);
      const code = ticket!.codes[0]!.data;
      const card = ticketOn(display.page, "Table 9 #1");
      await expect(card).toHaveAttribute("data-ticket-id", code.replace("ordered:bump:", ""));

      // The scanner types the code and Enter, faster than anyone types: the ticket moves on a step.
      // Its keys arrive within a few milliseconds, as a real scanner's do (Playwright's own keys
      // each take a round trip, which a busy two-core machine stretches past the reader's gap).
      const scan = () =>
        display.page.evaluate((text) => {
          const target = document.activeElement ?? document.body;
          for (const key of [...text, "Enter"])
            target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
        }, code);
      await expect(column(display.page, "New").getByRole("article", { name: "Table 9 #1" })).toBeVisible();
      // Someone typing the same text at a person's pace is not a scanner: nothing moves.
      await display.page.keyboard.type(code, { delay: 100 });
      await display.page.keyboard.press("Enter");
      await display.page.waitForTimeout(500); // a bump would have been acked by now
      await expect(column(display.page, "New").getByRole("article", { name: "Table 9 #1" })).toBeVisible();
      await scan();
      await expect(column(display.page, "Preparing").getByRole("article", { name: "Table 9 #1" })).toBeVisible();
      await scan();
      await expect(column(display.page, "Ready").getByRole("article", { name: "Table 9 #1" })).toBeVisible();
      await display.page.screenshot({ path: test.info().outputPath("kitchen-after-scan.png") });
    } finally {
      await display.context.close();
    }
  } finally {
    await fake.close();
  }
});
