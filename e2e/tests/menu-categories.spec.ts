// Menu categories on the staff's products page (issue 13): order, hide, names unique in any
// case, and deleting only an empty one, with the server's refusals shown where staff look.
import { expect, test } from "../support/fixtures.js";
import { categoriesOf, categoriesPanel, categoryNames, categoryRow, openMenuPage, productGroupHeadings } from "../support/menu-admin.js";

test("categories: reorder, hide, a name in use (any case) and deleting refused while products are in it", async ({
  panel: page,
  api,
  venue,
}) => {
  const token = venue.staffToken;
  const namesOnServer = async () => (await categoriesOf(api, token)).map((c) => c.name);
  await openMenuPage(page);
  await expect(categoryNames(page)).toHaveText(["Starters", "Pizza", "Desserts", "Drinks"]);
  await expect(productGroupHeadings(page)).toHaveText([/^Starters/, /^Pizza/, /^Desserts/, /^Drinks/]);

  // Reorder: Drinks up, then Starters down; the products follow.
  await categoryRow(page, "Drinks").getByRole("button", { name: "Move Drinks up" }).click();
  await expect(categoryNames(page)).toHaveText(["Starters", "Pizza", "Drinks", "Desserts"]);
  await categoryRow(page, "Starters").getByRole("button", { name: "Move Starters down" }).click();
  await expect(categoryNames(page)).toHaveText(["Pizza", "Starters", "Drinks", "Desserts"]);
  await expect(productGroupHeadings(page)).toHaveText([/^Pizza/, /^Starters/, /^Drinks/, /^Desserts/]);
  await expect(categoryRow(page, "Pizza").getByRole("button", { name: "Move Pizza up" })).toBeDisabled();
  await expect(categoryRow(page, "Desserts").getByRole("button", { name: "Move Desserts down" })).toBeDisabled();
  await expect.poll(namesOnServer).toEqual(["Pizza", "Starters", "Drinks", "Desserts"]);

  // Hide and unhide.
  await categoryRow(page, "Desserts").getByRole("button", { name: "Hide category Desserts" }).click();
  await expect(categoryRow(page, "Desserts")).toContainText("Hidden");
  await expect(page.getByRole("region", { name: /^Desserts/ })).toContainText("Hidden");
  await expect.poll(async () => (await categoriesOf(api, token)).find((c) => c.name === "Desserts")?.hidden).toBe(true);
  await page.screenshot({ path: test.info().outputPath("categories-hidden.png"), fullPage: true });
  await categoryRow(page, "Desserts").getByRole("button", { name: "Unhide category Desserts" }).click();
  await expect(categoryRow(page, "Desserts")).not.toContainText("Hidden");
  await expect.poll(async () => (await categoriesOf(api, token)).find((c) => c.name === "Desserts")?.hidden).toBe(false);

  // A name in use, in another case: the server refuses and the form says so.
  await categoriesPanel(page).getByRole("button", { name: "Add category" }).click();
  let dialog = page.getByRole("dialog", { name: "New category" });
  await dialog.getByLabel("Name").fill("pizza");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText('a category named "pizza" already exists');
  await dialog.getByLabel("Name").fill("Specials");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(categoryNames(page)).toHaveText(["Pizza", "Starters", "Drinks", "Desserts", "Specials"]);

  await categoryRow(page, "Specials").getByRole("button", { name: "Edit category Specials" }).click();
  dialog = page.getByRole("dialog", { name: "Edit Specials" });
  await dialog.getByLabel("Name").fill("STARTERS");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already exists");
  await dialog.getByLabel("Name").fill("Today's specials");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(categoryRow(page, "Today's specials")).toBeVisible();

  // Deleting: refused while products are in it, done when empty.
  await categoryRow(page, "Desserts").getByRole("button", { name: "Delete category Desserts" }).click();
  let confirm = page.getByRole("dialog", { name: "Delete category" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm.getByRole("alert")).toContainText("still has products");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(categoryRow(page, "Desserts")).toBeVisible();

  await categoryRow(page, "Today's specials").getByRole("button", { name: "Delete category Today's specials" }).click();
  confirm = page.getByRole("dialog", { name: "Delete category" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(categoryNames(page)).toHaveText(["Pizza", "Starters", "Drinks", "Desserts"]);
  await expect.poll(namesOnServer).toEqual(["Pizza", "Starters", "Drinks", "Desserts"]);

  await page.reload();
  await expect(categoryNames(page)).toHaveText(["Pizza", "Starters", "Drinks", "Desserts"]);
});
