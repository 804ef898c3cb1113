import { expect, test } from "../support/fixtures.js";

test("staff logs in, sees their location, and logs out", async ({ page, venue }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/panel$/);
  await page.getByLabel("Email").fill(venue.owner.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("wrong email or password");
  await page.getByLabel("Password").fill(venue.owner.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText(/Signed in as Owner .* at Bistro/)).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");
  await expect(page.getByRole("region", { name: "Floor" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Closed sessions/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("staff-signed-in.png") });

  // The token survives a reload; logging out forgets it.
  await page.reload();
  await expect(page.getByText(/Signed in as Owner/)).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
});
