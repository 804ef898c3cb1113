// Helpers for the staff-accounts specs (issue 14): the staff page's parts, an account made
// through its form, and a fresh browser that takes a setup link to its end.
import { type Browser, type BrowserContext, expect, type Locator, type Page } from "@playwright/test";

export type RoleLabel = "Owner" | "Manager" | "Waiter" | "Kitchen";

/** An account's row on /panel/staff. */
export const staffRow = (page: Page, name: string): Locator =>
  page.getByRole("list", { name: "Staff accounts" }).getByRole("listitem", { name, exact: true });

/** Opens the staff page through the panel's navigation. */
export async function openStaffPage(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { name: "Staff accounts" })).toBeVisible();
}

/**
 * Adds an account through the staff page's form and returns the one-time link the page
 * shows (read from the field; `copy` also presses Copy and returns what reached the clipboard).
 */
export async function addAccount(
  page: Page,
  account: { email: string; name: string; role: RoleLabel },
  options: { copy?: boolean; screenshot?: string } = {},
): Promise<string> {
  await page.getByRole("button", { name: "Add account" }).click();
  const form = page.getByRole("dialog", { name: "New staff account" });
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Name").fill(account.name);
  await form.getByRole("radio", { name: new RegExp(`^${account.role}`) }).check();
  await form.getByRole("button", { name: "Create account" }).click();
  const dialog = page.getByRole("dialog", { name: `Setup link for ${account.name}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/works once and expires (today|tomorrow|on )/);
  const shown = await dialog.getByLabel("One-time setup link").inputValue();
  expect(shown).toMatch(/\/setup#.+/);
  let link = shown;
  if (options.copy) {
    await dialog.getByRole("button", { name: "Copy link" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Copied");
    link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(shown);
  }
  if (options.screenshot) await page.screenshot({ path: options.screenshot });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return link;
}

/** A fresh browser context (another device) that opens a setup link and chooses a password. */
export async function acceptSetupLink(
  browser: Browser,
  link: string,
  expected: { name: string; venue: string },
  password: string,
  screenshot?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(`Set the password for ${expected.name} at ${expected.venue}`)).toBeVisible();
  // The token left the address bar (and the history) once read.
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  return { context, page };
}
