import { expect, test } from "@playwright/test";
import { seedVenue } from "../support/seed.js";

test("staff logs in and sees their location", async ({ page }) => {
  const venue = await seedVenue();
  await page.goto("/");
  await page.getByLabel("Email").fill(venue.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("wrong email or password");
  await page.getByLabel("Password").fill(venue.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText(/Signed in as Owner .* at Bistro/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("staff-signed-in.png") });
});
