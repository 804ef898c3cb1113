// Two staff edit the same product at once (issue 13): the later save, from the older
// version, is refused; its form shows the newer data and what that editor had changed.
import { expect, test } from "../support/fixtures.js";
import { openMenuPage, productNamed, productRow } from "../support/menu-admin.js";
import { screenshotsAt } from "../support/session.js";
import { loginStaff } from "../support/ui.js";

test("two staff edit Olives at once: the second save is refused, shows the newer data, and goes through once re-applied", async ({
  panel: first,
  browser,
  api,
  venue,
}) => {
  const token = venue.staffToken;
  const context = await browser.newContext();
  try {
    const second = await context.newPage();
    await loginStaff(second, venue);
    await openMenuPage(first);
    await openMenuPage(second);

    // Both open the same version.
    await productRow(first, "Olives").getByRole("button", { name: "Edit Olives" }).click();
    await productRow(second, "Olives").getByRole("button", { name: "Edit Olives" }).click();
    const mine = second.getByRole("dialog", { name: "Edit Olives" });
    const theirs = first.getByRole("dialog", { name: "Edit Olives" });
    await expect(mine.getByLabel("Name", { exact: true })).toHaveValue("Olives");

    // The first saves a new price.
    await theirs.getByRole("textbox", { name: /^Price/ }).fill("5.00");
    await theirs.getByRole("button", { name: "Save" }).click();
    await expect(theirs).toBeHidden();
    await expect(productRow(first, "Olives")).toContainText("€5.00");

    // The second hears of it live while editing…
    await expect(mine).toContainText("Someone else saved this product while you were editing it");
    // …but saves anyway, from the old version: renamed, with an allergen ticked.
    await mine.getByLabel("Name", { exact: true }).fill("Olive mix");
    await mine.getByRole("checkbox", { name: "Sulphites" }).check();
    await mine.getByRole("button", { name: "Save" }).click();
    await expect(mine.getByRole("alert")).toHaveText(
      "Olives was changed by someone else since you opened it; reload to see the newer version",
    );
    // The form now holds the newer version…
    await expect(mine.getByRole("textbox", { name: /^Price/ })).toHaveValue("5.00");
    await expect(mine.getByLabel("Name", { exact: true })).toHaveValue("Olives");
    await expect(mine.getByRole("checkbox", { name: "Sulphites" })).not.toBeChecked();
    // …and lists what this editor had changed, next to the saved values.
    const table = mine.getByRole("table");
    await expect(table.getByRole("row", { name: /^name/ })).toContainText("Olive mix");
    await expect(table.getByRole("row", { name: /^allergens/ })).toContainText("Sulphites");
    await expect(table.getByRole("row")).toHaveCount(3); // header, name, allergens (not the price)
    await screenshotsAt(second, test.info(), "product-conflict", mine);
    // Nothing of the refused save was stored.
    expect(await productNamed(api, token, "Olives")).toMatchObject({ priceCents: 500, allergens: [] });

    // Put them back and save on the newer version.
    await mine.getByRole("button", { name: "Use all my changes" }).click();
    await expect(mine.getByLabel("Name", { exact: true })).toHaveValue("Olive mix");
    await expect(mine.getByRole("checkbox", { name: "Sulphites" })).toBeChecked();
    await expect(mine.getByRole("textbox", { name: /^Price/ })).toHaveValue("5.00");
    await mine.getByRole("button", { name: "Save" }).click();
    await expect(mine).toBeHidden();

    const stored = await productNamed(api, token, "Olive mix");
    expect(stored).toMatchObject({ priceCents: 500, allergens: ["SULPHITES"] });
    // Both pages show it, live.
    await expect(productRow(first, "Olive mix")).toContainText("€5.00");
    await expect(productRow(second, "Olive mix")).toContainText("1 allergen");
  } finally {
    await context.close();
  }
});
