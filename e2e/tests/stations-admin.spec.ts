// Stations in the menu admin (issue 14): add a Pastry station, route Desserts to it in the
// category form, rename and delete stations (refused while a category routes to one); and
// the owner's ticket timing beside the first-scan setting.
import type { LocationResponse, StationListResponse } from "@ordered/contract";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { categoriesOf, categoryRow, openMenuPage } from "../support/menu-admin.js";

const stationsPanel = (page: Page) => page.getByRole("region", { name: /^Stations/ });
const stationRow = (page: Page, name: string) => stationsPanel(page).getByRole("listitem", { name, exact: true });

test("stations: add Pastry, route Desserts to it, rename, and delete only one no category uses", async ({ panel: page, api, venue }) => {
  const token = venue.staffToken;
  const stationsOnServer = async () => (await api.call<StationListResponse>("GET", "/api/stations", { token })).stations.map((s) => s.name);
  await openMenuPage(page);
  await expect(stationsPanel(page).locator(".station-name")).toHaveText(["Kitchen", "Bar"]);
  await expect(categoryRow(page, "Drinks")).toContainText("to Bar");
  await expect(categoryRow(page, "Desserts")).toContainText("to Kitchen");

  await stationsPanel(page).getByLabel("New station name").fill("Pastry");
  await stationsPanel(page).getByRole("button", { name: "Add station" }).click();
  await expect(stationsPanel(page).locator(".station-name")).toHaveText(["Kitchen", "Bar", "Pastry"]);
  await expect(stationsPanel(page).getByLabel("New station name")).toHaveValue("");
  await expect.poll(stationsOnServer).toEqual(["Kitchen", "Bar", "Pastry"]);

  // Desserts to Pastry, through the category form's Station select.
  await categoryRow(page, "Desserts").getByRole("button", { name: "Edit category Desserts" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Desserts" });
  await expect(dialog.getByLabel("Station")).toHaveText(/Kitchen.*Bar.*Pastry/s);
  await dialog.getByLabel("Station").selectOption({ label: "Pastry" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(categoryRow(page, "Desserts")).toContainText("to Pastry");
  await expect(stationRow(page, "Pastry")).toContainText("1 category");
  const pastryId = (await api.call<StationListResponse>("GET", "/api/stations", { token })).stations.find((s) => s.name === "Pastry")?.id;
  await expect.poll(async () => (await categoriesOf(api, token)).find((c) => c.name === "Desserts")?.stationId).toBe(pastryId);
  await page.screenshot({ path: test.info().outputPath("stations-panel.png"), fullPage: true });

  // Deleting a station a category routes to: refused, and said where staff look.
  await stationRow(page, "Pastry").getByRole("button", { name: "Delete station Pastry" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete station" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm.getByRole("alert")).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(stationRow(page, "Pastry")).toBeVisible();

  // Rename, then add and delete an unused one.
  await stationRow(page, "Bar").getByRole("button", { name: "Rename station Bar" }).click();
  await stationsPanel(page).getByLabel("New name for Bar").fill("Cocktail bar");
  await stationsPanel(page).getByRole("button", { name: "Save" }).click();
  await expect(categoryRow(page, "Drinks")).toContainText("to Cocktail bar");
  await stationsPanel(page).getByLabel("New station name").fill("Grill");
  await stationsPanel(page).getByRole("button", { name: "Add station" }).click();
  await stationRow(page, "Grill").getByRole("button", { name: "Delete station Grill" }).click();
  await page.getByRole("dialog", { name: "Delete station" }).getByRole("button", { name: "Delete" }).click();
  await expect(stationRow(page, "Grill")).toHaveCount(0);
  await expect.poll(stationsOnServer).toEqual(["Kitchen", "Cocktail bar", "Pastry"]);

  // A new category can start on a station of its own choosing.
  await page
    .getByRole("region", { name: /^Categories/ })
    .getByRole("button", { name: "Add category" })
    .click();
  const add = page.getByRole("dialog", { name: "New category" });
  await add.getByLabel("Name").fill("Cakes");
  await add.getByLabel("Station").selectOption({ label: "Pastry" });
  await add.getByRole("button", { name: "Save" }).click();
  await expect(categoryRow(page, "Cakes")).toContainText("to Pastry");
});

test("the owner sets when kitchen tickets turn amber and red, next to the first-scan setting", async ({ panel: page, api, venue }) => {
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Tables" }).click();
  const timing = page.getByRole("region", { name: "Kitchen ticket timing" });
  await expect(timing.getByLabel("Amber after (minutes)")).toHaveValue("10");
  await expect(timing.getByLabel("Red after (minutes)")).toHaveValue("20");
  await timing.getByLabel("Amber after (minutes)").fill("25");
  await timing.getByRole("button", { name: "Save timing" }).click();
  await expect(timing.getByRole("alert")).toHaveText("Amber must come before red.");
  await timing.getByLabel("Amber after (minutes)").fill("5");
  await timing.getByLabel("Red after (minutes)").fill("12");
  await timing.getByRole("button", { name: "Save timing" }).click();
  await expect(timing.getByRole("status")).toHaveText("Saved");
  await expect
    .poll(async () => {
      const { location } = await api.call<LocationResponse>("GET", "/api/location", { token: venue.staffToken });
      return [location.ticketAmberMinutes, location.ticketRedMinutes];
    })
    .toEqual([5, 12]);
  await page.reload();
  await expect(timing.getByLabel("Red after (minutes)")).toHaveValue("12");
});
