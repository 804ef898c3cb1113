// Staff accounts (issue 14): an owner adds a waiter in the panel and hands over the one-time
// setup link; the waiter sets a password on another device and sees only what a waiter may
// use; deactivating the waiter signs their open panel out at once. A kitchen account lands on
// the kitchen display; a manager gets no controls over the owner.
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { acceptSetupLink, addAccount, openStaffPage, staffRow } from "../support/staff-accounts.js";
import { baseUrl } from "../support/ui.js";

const nav = (page: Page) => page.getByRole("navigation", { name: "Staff navigation" });
const WAITER_PASSWORD = "waiter-password-1";

test("the owner adds a waiter, who sets a password through the link, sees the floor but not the menu or staff, and is signed out when deactivated", async ({
  panel: page,
  venue,
  browser,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl(0) });
  await openStaffPage(page);
  await expect(staffRow(page, venue.owner.displayName)).toContainText("Owner");
  await expect(staffRow(page, venue.owner.displayName)).toContainText("(you)");
  // Nobody deactivates or resets themselves.
  await expect(staffRow(page, venue.owner.displayName).getByRole("button", { name: /Deactivate|Reset password/ })).toHaveCount(0);

  const email = `waiter-${venue.locationId.slice(0, 8)}@e2e.ordered`;
  const link = await addAccount(
    page,
    { email, name: "Wanda Waiter", role: "Waiter" },
    { copy: true, screenshot: test.info().outputPath("setup-link-dialog.png") },
  );
  expect(new URL(link).origin).toBe(baseUrl(0));
  await expect(staffRow(page, "Wanda Waiter")).toContainText("Waiter");
  await expect(staffRow(page, "Wanda Waiter")).toContainText("Invite pending");

  // The same email again: the server's CONFLICT shows in the form.
  await page.getByRole("button", { name: "Add account" }).click();
  const again = page.getByRole("dialog", { name: "New staff account" });
  await again.getByLabel("Email").fill(email.toUpperCase());
  await again.getByLabel("Name").fill("Someone else");
  await again.getByRole("button", { name: "Create account" }).click();
  await expect(again.getByRole("alert")).toContainText("already exists");
  await again.getByRole("button", { name: "Cancel" }).click();

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: test.info().outputPath(`staff-page-${viewport.width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Another device: the link, a password, and the waiter's panel.
  const waiter = await acceptSetupLink(
    browser,
    link,
    { name: "Wanda Waiter", venue: venue.name },
    WAITER_PASSWORD,
    test.info().outputPath("setup-page.png"),
  );
  try {
    const w = waiter.page;
    await expect(w).toHaveURL(/\/panel$/);
    await expect(w.getByRole("status").first()).toHaveText("Live");
    await expect(w.getByText(`Signed in as Wanda Waiter at ${venue.name}`)).toBeVisible();
    await expect(nav(w).getByRole("link")).toHaveText(["Floor", "Products"]);
    await w.screenshot({ path: test.info().outputPath("waiter-panel.png") });
    // Products, for a waiter: the sold-out switch only; no editing, no categories or stations.
    await nav(w).getByRole("link", { name: "Products" }).click();
    await expect(w.getByRole("checkbox", { name: /sold out/i }).first()).toBeVisible();
    await expect(w.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    await expect(w.getByRole("button", { name: "Add product" })).toHaveCount(0);
    await expect(w.getByRole("heading", { name: /^Categories/ })).toHaveCount(0);
    await expect(w.getByRole("heading", { name: /^Stations/ })).toHaveCount(0);
    // Typed addresses of pages a waiter may not use: a message and a way back, no 403.
    await w.goto(`${baseUrl(0)}/panel/staff`);
    await expect(w.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
    await w.goto(`${baseUrl(0)}/panel/tables`);
    await expect(w.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
    await w.getByRole("link", { name: "Go to the floor" }).click();
    await expect(w.getByRole("region", { name: "Floor" })).toBeVisible();

    // The link worked once.
    const reuse = await waiter.context.newPage();
    await reuse.goto(link);
    await expect(reuse.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await reuse.close();

    // The owner's list shows the invite taken up.
    await page.reload();
    await expect(staffRow(page, "Wanda Waiter")).toContainText("Active");
    await expect(staffRow(page, "Wanda Waiter")).not.toContainText("Invite pending");

    // Deactivated: the waiter's open panel is signed out at once, with the reason.
    await staffRow(page, "Wanda Waiter").getByRole("button", { name: "Deactivate Wanda Waiter" }).click();
    const confirm = page.getByRole("dialog", { name: "Deactivate account" });
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await expect(confirm).toBeHidden();
    await expect(staffRow(page, "Wanda Waiter")).toContainText("Deactivated");
    await expect(w.getByRole("button", { name: "Log in" })).toBeVisible({ timeout: 5_000 });
    await expect(w.getByText(/You were signed out/)).toBeVisible();
    await w.getByLabel("Email").fill(email);
    await w.getByLabel("Password").fill(WAITER_PASSWORD);
    await w.getByRole("button", { name: "Log in" }).click();
    await expect(w.getByRole("alert")).toHaveText("wrong email or password");

    // Reactivated: the same password works again.
    await staffRow(page, "Wanda Waiter").getByRole("button", { name: "Reactivate Wanda Waiter" }).click();
    await expect(staffRow(page, "Wanda Waiter")).toContainText("Active");
    await w.getByRole("button", { name: "Log in" }).click();
    await expect(w.getByText(`Signed in as Wanda Waiter at ${venue.name}`)).toBeVisible();
  } finally {
    await waiter.context.close();
  }
});

test("a kitchen account lands on the kitchen display after setting its password", async ({ panel: page, venue, browser }) => {
  await openStaffPage(page);
  const link = await addAccount(page, { email: `kitchen-${venue.locationId.slice(0, 8)}@e2e.ordered`, name: "Kit Chen", role: "Kitchen" });
  const kitchen = await acceptSetupLink(browser, link, { name: "Kit Chen", venue: venue.name }, "kitchen-password-1");
  try {
    await expect(kitchen.page).toHaveURL(/\/kitchen(\/|$)/);
    // Its panel address sends it back to the display.
    await kitchen.page.goto(`${baseUrl(0)}/panel`);
    await expect(kitchen.page).toHaveURL(/\/kitchen(\/|$)/);
  } finally {
    await kitchen.context.close();
  }
});

test("a manager cannot touch the owner's account or make an owner; a reset link replaces the password; staff change their own password", async ({
  panel: page,
  venue,
  browser,
}) => {
  await openStaffPage(page);
  const tag = venue.locationId.slice(0, 8);
  const link = await addAccount(page, { email: `manager-${tag}@e2e.ordered`, name: "Mona Manager", role: "Manager" });
  const manager = await acceptSetupLink(browser, link, { name: "Mona Manager", venue: venue.name }, "manager-password-1");
  try {
    const m = manager.page;
    await expect(m).toHaveURL(/\/panel$/);
    await expect(nav(m).getByRole("link")).toHaveText(["Floor", "Tables", "Products", "Translations", "Staff", "Reports"]);
    await openStaffPage(m);
    const ownerRow = staffRow(m, venue.owner.displayName);
    await expect(ownerRow).toContainText("Only an owner can change an owner's account.");
    await expect(ownerRow.getByRole("button")).toHaveCount(0);
    await m.getByRole("button", { name: "Add account" }).click();
    const form = m.getByRole("dialog", { name: "New staff account" });
    await expect(form.getByRole("radio")).toHaveCount(3);
    await expect(form.getByRole("radio", { name: /^Owner/ })).toHaveCount(0);
    await form.getByRole("button", { name: "Cancel" }).click();

    // The manager adds a waiter and resets their password: a new link; the first no longer works.
    const first = await addAccount(m, { email: `second-${tag}@e2e.ordered`, name: "Sam Server", role: "Waiter" });
    await staffRow(m, "Sam Server").getByRole("button", { name: "Reset password of Sam Server" }).click();
    await m.getByRole("dialog", { name: "Reset password" }).getByRole("button", { name: "Reset password" }).click();
    const linkDialog = m.getByRole("dialog", { name: "Setup link for Sam Server" });
    const second = await linkDialog.getByLabel("One-time setup link").inputValue();
    expect(second).not.toBe(first);
    await linkDialog.getByRole("button", { name: "Done" }).click();
    const stale = await manager.context.newPage();
    await stale.goto(first);
    await expect(stale.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await stale.close();

    // The manager changes their own password; the panel stays signed in and live on the new token.
    await m.getByRole("button", { name: "Change password" }).click();
    const change = m.getByRole("dialog", { name: "Change your password" });
    await change.getByLabel("Current password").fill("wrong-password-0");
    await change.getByLabel("New password", { exact: true }).fill("manager-password-2");
    await change.getByLabel("Repeat the new password").fill("manager-password-2");
    await change.getByRole("button", { name: "Change password" }).click();
    await expect(change.getByRole("alert")).toBeVisible();
    await change.getByLabel("Current password").fill("manager-password-1");
    await change.getByRole("button", { name: "Change password" }).click();
    await expect(change.getByText("Your password is changed.")).toBeVisible();
    await change.getByRole("button", { name: "Close" }).last().click();
    await expect(m.getByRole("status").first()).toHaveText("Live");
    await expect(m.getByText("You were signed out")).toHaveCount(0);
    await m.reload();
    await expect(m.getByText(`Signed in as Mona Manager at ${venue.name}`)).toBeVisible();
  } finally {
    await manager.context.close();
  }
});
