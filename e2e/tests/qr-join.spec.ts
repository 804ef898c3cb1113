import { expect, test } from "../support/fixtures.js";
import { baseUrl, decodeQr, menuItem, openSession, sessionCard } from "../support/ui.js";

test("staff opens Table 2, a phone scans its QR code, joins and sees the menu", async ({ panel: page, phones, venue }) => {
  await openSession(page, "Table 2");

  await sessionCard(page, "Table 2").getByRole("button", { name: "Table 2", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "QR code for Table 2" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Print" })).toBeVisible();
  const img = dialog.getByRole("img", { name: "QR code for Table 2" });
  const joinUrl = await decodeQr(img);
  // PUBLIC_URL of instance 1 (e2e/support/env.ts), then the join code.
  expect(joinUrl).toMatch(new RegExp(`^${baseUrl(0).replace(/\./g, "\\.")}/s/[A-Za-z0-9_-]+$`));
  await expect(dialog.getByRole("link", { name: joinUrl })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("staff-qr-modal.png") });
  // Printing shows only the QR code and its link, without buttons or the panel behind.
  await page.emulateMedia({ media: "print" });
  await expect(img).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("button", { name: "New session" })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("staff-qr-print.png") });
  await page.emulateMedia({ media: "screen" });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  const phone = await phones.open();
  await phone.page.goto(joinUrl);
  await expect(phone.page.getByRole("heading", { name: `Table 2 · ${venue.name}` })).toBeVisible();
  await phone.page.screenshot({ path: test.info().outputPath("phone-join.png") });
  await phone.page.getByLabel("Your name (optional)").fill("Alex");
  // The join answers with the session and the menu: after it, the phone asks for neither, and
  // the table screen never falls back to "Loading…" (its chunk was fetched with the join screen).
  const apiCalls: string[] = [];
  phone.page.on("request", (r) => {
    if (r.url().includes("/api/")) apiCalls.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  const sawLoading = phone.page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const seen = () => document.body.textContent?.includes("Loading…") ?? false;
        const observer = new MutationObserver(() => {
          if (seen()) resolve(true);
          else if (document.querySelector(".menu-item")) resolve(false);
          else return;
          observer.disconnect();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
  );
  await phone.page.getByRole("button", { name: "See the menu" }).click();

  await expect(phone.page.getByRole("heading", { name: "Menu" })).toBeVisible();
  await expect(phone.page.getByText("Table 2", { exact: true })).toBeVisible();
  for (const category of ["Starters", "Pizza", "Desserts", "Drinks"]) {
    await expect(phone.page.getByRole("heading", { name: category })).toBeVisible();
  }
  expect(await sawLoading).toBe(false);
  expect(apiCalls).toEqual(["POST /api/sessions/join"]);
  await expect(menuItem(phone.page, "Margherita")).toContainText("9.50");
  await phone.page.getByRole("searchbox", { name: "Search the menu" }).fill("tira");
  await expect(menuItem(phone.page, "Tiramisù")).toBeVisible();
  await expect(menuItem(phone.page, "Margherita")).toBeHidden();
  await phone.page.getByRole("searchbox", { name: "Search the menu" }).fill("");
  await phone.page.screenshot({ path: test.info().outputPath("phone-menu.png"), fullPage: true });

  // A reload resumes the session without joining again.
  await phone.page.reload();
  await expect(phone.page.getByRole("heading", { name: "Menu" })).toBeVisible();
  await expect(phone.page.getByRole("heading", { name: `Table 2 · ${venue.name}` })).toBeHidden();
});

test("an invalid table code shows a clear error page at once", async ({ phones }) => {
  const phone = await phones.open();
  await phone.page.goto("/s/not-a-real-code-000000000");
  await expect(phone.page.getByRole("button", { name: "See the menu" })).toHaveCount(0);
  await expect(phone.page.getByRole("heading", { name: "This code does not work" })).toBeVisible();
});
