import { expect, test } from "../support/fixtures.js";
import { decodeQr, loginStaff, markReadyForKitchen, onInstance, openSession, sessionCard, showTable, viewOrder } from "../support/ui.js";

// The whole journey, first with staff and phone on the same server instance, then on two.
for (const [staffOn, phoneOn] of [
  [0, 0],
  [0, 1],
] as const) {
  test(`the whole journey, staff on instance ${staffOn + 1} and phone on instance ${phoneOn + 1}`, async ({ page, venue, phones }) => {
    await loginStaff(page, venue, staffOn);
    await openSession(page, "Table 2");

    // The QR modal, decoded from its pixels like a phone camera would.
    await sessionCard(page, "Table 2").getByRole("button", { name: "Table 2", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "QR code for Table 2" });
    const joinUrl = onInstance(await decodeQr(dialog.getByRole("img", { name: "QR code for Table 2" })), phoneOn);
    await dialog.getByRole("button", { name: "Close" }).click();

    const phone = await phones.open();
    await phone.page.goto(joinUrl);
    await phone.page.getByLabel("Your name (optional)").fill("Robin");
    await phone.page.getByRole("button", { name: "See the menu" }).click();
    await expect(phone.page.getByRole("status")).toHaveText("Live");

    // Two items, then the order.
    await phone.page.getByRole("button", { name: "Add Margherita" }).tap();
    await phone.page.getByRole("button", { name: "Add Lemonade" }).tap();
    await viewOrder(phone.page);
    await phone.page.getByRole("button", { name: "Place order" }).tap();
    const order = phone.page.getByRole("listitem", { name: "Order 1" });
    await expect(order).toBeVisible();

    // It appears on the panel without a reload, and the kitchen's progress reaches the phone.
    const card = await showTable(page, "Table 2");
    await expect(card).toContainText("1× Margherita");
    await expect(card).toContainText("1× Lemonade");
    // Accepted by the pipeline; "Preparing" waits for a station to start on it.
    await expect(order.locator('[aria-current="step"]')).toHaveText(/^Accepted\b/);
    await markReadyForKitchen(page, "Table 2 #1");
    await expect(order.locator('[aria-current="step"]')).toHaveText(/^Ready\b/);
    await page.getByRole("button", { name: "Mark order Table 2 #1 delivered" }).click();
    await expect(order.locator(".step").last()).toHaveText(/^Delivered\b/);
    await page.screenshot({ path: test.info().outputPath("staff-panel.png") });
    await phone.page.screenshot({ path: test.info().outputPath("phone-order.png") });

    // The table pays in cash; staff close it: the phone is told at once with its receipt,
    // and the code stops working.
    await card.getByRole("button", { name: "Record payment" }).click();
    const pay = page.getByRole("dialog", { name: "Record payment — Table 2" });
    await expect(pay.getByLabel("Amount")).toHaveValue("14.00");
    await pay.getByRole("radio", { name: "Cash" }).check();
    await pay.getByRole("button", { name: "Record payment" }).click();
    await expect(pay).toBeHidden();
    await card.getByRole("button", { name: "Close session" }).click();
    await page.getByRole("dialog", { name: "Close session" }).getByRole("button", { name: "Close session" }).click();
    await expect(phone.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
    await expect(phone.page.getByText("€14.00").first()).toBeVisible();
    await phone.page.screenshot({ path: test.info().outputPath("phone-closed.png") });

    const late = await phones.open();
    await late.page.goto(joinUrl);
    // Said at once: the code is checked before anything is asked.
    await expect(late.page.getByRole("button", { name: "See the menu" })).toHaveCount(0);
    await expect(late.page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
  });
}
