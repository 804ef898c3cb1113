import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { hashPassword } from "../../server/dist/auth/passwords.js";
import { expect, test } from "../support/fixtures.js";
import { createTable, listTables } from "../support/tables.js";
import { loginStaff } from "../support/ui.js";

/** A table's row in the admin list. */
const row = (page: Page, name: string) => page.getByRole("region", { name: "On the floor" }).getByRole("listitem", { name, exact: true });
const names = (page: Page) => page.getByRole("region", { name: "On the floor" }).locator(".table-title");

async function addTable(page: Page, name: string, area = "", seats = "") {
  const form = page.getByRole("form", { name: "Add a table" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Area").fill(area);
  await form.getByLabel("Seats").fill(seats);
  await form.getByRole("button", { name: "Add table" }).click();
}

test("tables admin: add, rename, reorder and retire tables; the server's refusals show in place", async ({ panel: page, api, venue }) => {
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Tables" }).click();
  await expect(page.getByRole("heading", { name: "Tables", level: 1 })).toBeVisible();
  await expect(page.getByText("No tables yet.")).toBeVisible();

  await addTable(page, "Table 1", "Inside", "2");
  await expect(row(page, "Table 1")).toContainText("Inside · 2 seats");
  await addTable(page, "Table 2", "Inside");
  await addTable(page, "Table 3", "Terrace", "6");
  await expect(names(page)).toHaveText(["Table 1", "Table 2", "Table 3"]);
  // The form is ready for the next one.
  await expect(page.getByRole("form", { name: "Add a table" }).getByLabel("Name")).toHaveValue("");

  // The same name again, in any case: the server refuses and the form says why.
  await addTable(page, "table 1");
  const form = page.getByRole("form", { name: "Add a table" });
  await expect(form.getByRole("alert")).toContainText('a table named "table 1" already exists');
  await expect(names(page)).toHaveText(["Table 1", "Table 2", "Table 3"]);
  // Seats the form can tell are wrong never reach the server.
  await addTable(page, "Table 7", "", "0");
  await expect(form.getByRole("alert")).toHaveText("Seats must be a whole number of at least 1, or empty.");

  // Rename Table 2; then try a name in use.
  await row(page, "Table 2").getByRole("button", { name: "Edit Table 2" }).click();
  let dialog = page.getByRole("dialog", { name: "Edit Table 2" });
  await dialog.getByLabel("Name").fill("Window");
  await dialog.getByLabel("Seats").fill("4");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, "Window")).toContainText("Inside · 4 seats");
  await row(page, "Window").getByRole("button", { name: "Edit Window" }).click();
  dialog = page.getByRole("dialog", { name: "Edit Window" });
  await dialog.getByLabel("Name").fill("TABLE 3");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already exists");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Reorder: Table 3 up, then Table 1 down.
  await row(page, "Table 3").getByRole("button", { name: "Move Table 3 up" }).click();
  await expect(names(page)).toHaveText(["Table 1", "Table 3", "Window"]);
  await row(page, "Table 1").getByRole("button", { name: "Move Table 1 down" }).click();
  await expect(names(page)).toHaveText(["Table 3", "Table 1", "Window"]);
  await expect(row(page, "Table 3").getByRole("button", { name: "Move Table 3 up" })).toBeDisabled();
  await expect.poll(async () => (await listTables(api, venue.staffToken)).map((t) => t.name)).toEqual(["Table 3", "Table 1", "Window"]);
  await page.reload();
  await expect(names(page)).toHaveText(["Table 3", "Table 1", "Window"]);

  // A seated table cannot retire: the dialog says why and keeps it.
  const window = (await listTables(api, venue.staffToken)).find((t) => t.name === "Window")!;
  await api.route("POST /api/sessions", { token: venue.staffToken, body: { tableId: window.id } });
  await expect(row(page, "Window")).toContainText("Seated");
  await row(page, "Window").getByRole("button", { name: "Retire Window" }).click();
  dialog = page.getByRole("dialog", { name: "Retire table" });
  await expect(dialog).toContainText("Retire Window?");
  await dialog.getByRole("button", { name: "Retire" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Window is seated; close its session first");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row(page, "Window")).toBeVisible();

  // A free one retires: off the list, and its name is free again.
  await row(page, "Table 1").getByRole("button", { name: "Retire Table 1" }).click();
  await page.getByRole("dialog", { name: "Retire table" }).getByRole("button", { name: "Retire" }).click();
  await expect(names(page)).toHaveText(["Table 3", "Window"]);
  expect((await listTables(api, venue.staffToken)).map((t) => t.name)).toEqual(["Table 3", "Window"]);
  await addTable(page, "Table 1");
  await expect(names(page)).toHaveText(["Table 3", "Window", "Table 1"]);

  await page.getByRole("link", { name: "Print table cards" }).click();
  await expect(page).toHaveURL(/\/panel\/tables\/print$/);
  await expect(page.getByRole("figure")).toHaveCount(3);
});

test("the owner turns on 'Open a seating on first scan'; other staff see it but cannot change it", async ({ page, api, venue, prisma }) => {
  await createTable(api, venue.staffToken, { name: "Table 1", area: "Inside", seats: 2 });
  await createTable(api, venue.staffToken, { name: "Table 2", area: "Terrace", seats: 4 });
  await loginStaff(page, venue);
  await page.goto("/panel/tables");
  const toggle = page.getByRole("checkbox", { name: "Open a seating on first scan" });
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect.poll(async () => (await api.route("GET /api/location", { token: venue.staffToken })).location.openOnFirstScan).toBe(true);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: test.info().outputPath(`tables-${viewport.width}.png`), fullPage: true });
  }

  // A manager (tables yes, the location's settings no) of the same location.
  const password = `pw-${randomUUID()}`;
  const email = `staff-${randomUUID().slice(0, 8)}@e2e.ordered`;
  await prisma.staffUser.create({
    data: { locationId: venue.locationId, email, passwordHash: await hashPassword(password), displayName: "Marco", role: "MANAGER" },
  });
  await page.getByRole("button", { name: "Log out" }).click();
  await loginStaff(page, { owner: { ...venue.owner, email, password } });
  await page.goto("/panel/tables");
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeDisabled();
  await expect(page.getByText("Only the owner can change this.", { exact: true })).toBeVisible();
});
