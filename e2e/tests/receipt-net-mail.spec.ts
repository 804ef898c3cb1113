// Issue 33: a venue with net prices (the owner switches on /panel/settings, warned), where the
// phone's bill and the receipt add the tax per rate; the guest mails the receipt from the phone
// and staff mail it from the panel's record, through the suite's stand-in mail server
// (global-setup.ts), which checks what it receives; printing shows the receipt alone.
import { randomUUID } from "node:crypto";
import { expect, test } from "../support/fixtures.js";
import { expectMails } from "../support/mail.js";
import { order, payAndClose, screenshots, waitForAccepted } from "../support/phone-side.js";
import { joinOnPhone } from "../support/ui.js";

test("net prices: the owner switches them on (warned), the bill adds the tax; the guest mails the receipt, staff mail it too, and it prints alone", async ({
  api,
  venue,
  phones,
  prisma,
  panel,
}) => {
  const token = venue.staffToken;
  // A sales tax on everything (8.87 %: basis points hold two decimals of a percent).
  const rate = await prisma.taxRate.create({ data: { locationId: venue.locationId, name: "NY", rateBps: 887, position: 0 } });
  await prisma.category.updateMany({ where: { locationId: venue.locationId }, data: { taxRateId: rate.id } });

  // The owner switches to net prices on the settings page: a warning first, then saved.
  await panel.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Settings" }).click();
  const setting = panel.getByRole("region", { name: "Prices and tax" });
  await expect(setting.getByRole("radio", { name: /Prices include tax/ })).toBeChecked();
  await expect(setting.getByRole("button", { name: "Save prices and tax" })).toBeDisabled();
  await setting.getByRole("radio", { name: /Tax is added to prices/ }).check();
  await expect(setting).toContainText("This changes how future orders are billed");
  await setting.getByRole("button", { name: "Save prices and tax" }).click();
  await expect(setting.getByRole("status")).toHaveText("Saved");
  await expect(setting).not.toContainText("This changes how future orders are billed");
  await setting.screenshot({ path: test.info().outputPath("settings-prices-and-tax.png") });
  expect((await api.route("GET /api/location", { token })).location.pricesIncludeTax).toBe(false);

  const { session } = await api.openSession(token, "Table 12");
  const phone = await joinOnPhone(await phones.open(), session.joinUrl, "Jo");
  await order(phone.page, ["Margherita", "Lemonade"]);
  await waitForAccepted(api, token, session.id, 1);

  // The phone's bill: 9.50 + 4.50 = 14.00 net, NY 8.87 % = 1.2418 → 1.24 added, 15.24 in all.
  await phone.page.getByRole("tab", { name: /^Bill/ }).click();
  const bill = phone.page.getByRole("region", { name: "Your table's bill" });
  const sum = (label: string | RegExp) => bill.locator(".bill-sum").filter({ has: phone.page.getByRole("term").getByText(label) });
  await expect(sum(/^Subtotal$/)).toContainText("€14.00");
  await expect(sum(/^Tax NY 8\.87%/)).toContainText("€1.24");
  await expect(sum(/^Total$/)).toContainText("€15.24");
  await screenshots(phone.page, test.info(), "phone-bill-net");

  await payAndClose(api, token, session.id);

  // The receipt on the phone adds the tax too, and says the prices were net.
  const receipt = phone.page.getByRole("region", { name: "Receipt" });
  await expect(receipt.locator("[data-sum='tax']")).toContainText("€1.24");
  await expect(receipt).toContainText("Prices exclude tax");
  await expect(receipt.getByRole("region", { name: "Taxes" }).locator("[data-rate='887']")).toContainText(/€14\.00\s*€1\.24\s*€15\.24/);

  // The guest mails it (a double tap: one mail).
  const guest = `jo-${randomUUID().slice(0, 8)}@example.com`;
  const form = phone.page.getByRole("form", { name: "E-mail the receipt" });
  await form.getByLabel("E-mail address").fill("not an address");
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByRole("alert")).toContainText("Enter an e-mail address");
  await form.getByLabel("E-mail address").fill(guest);
  await form.getByRole("button", { name: "Send" }).dblclick();
  await expect(form.getByRole("status")).toHaveText("Sent to j•••@example.com.");
  const [mail] = await expectMails(guest, 1);
  expect(mail!.subject).toMatch(new RegExp(`^${venue.name}: receipt no\\. \\d+$`));
  for (const part of [mail!.parts["text/plain"]!, mail!.parts["text/html"]!]) {
    expect(part).toContain("Table 12");
    expect(part).toContain("1 × Margherita (NY)");
    expect(part).toContain("Tax NY 8.87%");
    expect(part).toContain("€15.24");
  }
  expect(await prisma.receiptMail.count({ where: { sessionId: session.id } })).toBe(1);
  await screenshots(phone.page, test.info(), "phone-receipt-mail", { fullPage: true });

  // Printed (or saved as PDF): the receipt alone, without the buttons and the mail form.
  await phone.page.emulateMedia({ media: "print" });
  await expect(form).toBeHidden();
  await expect(phone.page.getByRole("button", { name: "Print / save" })).toBeHidden();
  await expect(receipt).toBeVisible();
  const pdf = await phone.page.pdf({ path: test.info().outputPath("phone-receipt.pdf") });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await phone.page.emulateMedia({ media: "screen" });

  // Staff mail it from the closed session's record, in Italian; printing it shows the receipt only.
  await panel.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Floor" }).click();
  const closedCard = panel.getByRole("region", { name: "Closed sessions" }).getByRole("article", { name: "Table 12" });
  await closedCard.getByRole("button", { name: "View Table 12" }).click();
  const record = panel.getByRole("dialog", { name: "Table 12 — record" });
  await expect(record.locator("[data-sum='tax']")).toContainText("€1.24");
  const staffForm = record.getByRole("form", { name: "E-mail the receipt" });
  const other = `guest-${randomUUID().slice(0, 8)}@example.org`;
  await staffForm.getByLabel("E-mail address").fill(other);
  await staffForm.getByLabel("Language").selectOption("it");
  await staffForm.getByRole("button", { name: "Send" }).click();
  await expect(staffForm.getByRole("status")).toHaveText("Sent to g•••@example.org.");
  const [italian] = await expectMails(other, 1);
  expect(italian!.subject).toMatch(/: scontrino n\. \d+$/);
  expect(italian!.parts["text/plain"]).toContain("Imposta NY");
  await record.screenshot({ path: test.info().outputPath("record-mail.png") });

  await panel.emulateMedia({ media: "print" });
  await expect(staffForm).toBeHidden();
  await expect(record.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(record.getByRole("region", { name: "Orders" })).toBeHidden();
  await expect(record.locator(".receipt")).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath("record-print.png") });
  await panel.emulateMedia({ media: "screen" });
});
