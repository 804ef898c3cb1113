// The menu's courses editor (issue 32, item 3): the seeded Drinks, Starters, Mains and Desserts;
// add Cheese, make it the Desserts category's default course in the category form, rename it,
// and delete it (the category then has no default course).
import type { CourseListResponse } from "@ordered/contract";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { categoriesOf, categoryRow, openMenuPage } from "../support/menu-admin.js";

const coursesPanel = (page: Page) => page.getByRole("region", { name: /^Courses/ });
const courseRow = (page: Page, name: string) => coursesPanel(page).getByRole("listitem", { name, exact: true });

test("courses: add Cheese, make it Desserts' default, rename it, delete it", async ({ panel: page, api, venue }) => {
  const token = venue.staffToken;
  const onServer = async () => (await api.call<CourseListResponse>("GET", "/api/courses", { token })).courses.map((c) => c.name);
  await openMenuPage(page);
  await expect(coursesPanel(page).locator(".station-name")).toHaveText(["Drinks", "Starters", "Mains", "Desserts"]);
  await expect(courseRow(page, "Desserts")).toContainText("default of 1 category");

  await coursesPanel(page).getByLabel("New course name").fill("Cheese");
  await coursesPanel(page).getByRole("button", { name: "Add course" }).click();
  await expect(courseRow(page, "Cheese")).toContainText("default of 0 categories");
  await expect(coursesPanel(page).getByLabel("New course name")).toHaveValue("");
  await expect.poll(onServer).toEqual(["Drinks", "Starters", "Mains", "Desserts", "Cheese"]);

  // The Desserts category defaults to Cheese, through the category form.
  await categoryRow(page, "Desserts").getByRole("button", { name: "Edit category Desserts" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Desserts" });
  await dialog.getByLabel("Default course").selectOption({ label: "Cheese" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(courseRow(page, "Cheese")).toContainText("default of 1 category");

  await courseRow(page, "Cheese").getByRole("button", { name: "Rename course Cheese" }).click();
  await coursesPanel(page).getByLabel("New name for Cheese").fill("Cheese board");
  await coursesPanel(page).getByRole("button", { name: "Save" }).click();
  await expect(courseRow(page, "Cheese board")).toBeVisible();
  await expect.poll(onServer).toEqual(["Drinks", "Starters", "Mains", "Desserts", "Cheese board"]);

  await courseRow(page, "Cheese board").getByRole("button", { name: "Delete course Cheese board" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete course" });
  await expect(confirm).toContainText("Categories that default to it will have none.");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(courseRow(page, "Cheese board")).toHaveCount(0);
  await expect.poll(onServer).toEqual(["Drinks", "Starters", "Mains", "Desserts"]);
  await expect.poll(async () => (await categoriesOf(api, token)).find((c) => c.name === "Desserts")?.courseId).toBeNull();
});
