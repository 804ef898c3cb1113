// Issue 15, item 4: the phone's timeline lights one step at a time, each with the time it
// happened as the phone's region writes it: placed, accepted, preparing (a station starts), ready, delivered.
import { expect, test } from "../support/fixtures.js";
import { joinWithoutName, openSessionWithLink, PHONE, phoneShots } from "../support/phone-screens.js";
import { sessionDetail, staffSocket } from "../support/phone-side.js";
import { viewOrder } from "../support/ui.js";

test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

/** "14:05" as a German phone shows the moment. */
const germanTime = (iso: string) =>
  new Date(iso).toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });

test("each step shows when it happened; accepted and preparing light apart", async ({ api, venue, phones }) => {
  const { id, joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 9");
  // A German phone whose guest picked English: English words, times as written in Germany.
  const phone = await phones.open();
  await phone.context.addInitScript(() => localStorage.setItem("ordered:language", JSON.stringify("en")));
  const page = await joinWithoutName(phone, joinUrl, PHONE);
  await page.getByRole("button", { name: "Add Margherita" }).click();
  await viewOrder(page);
  await page.getByRole("button", { name: "Place order" }).click();
  const order = page.getByRole("listitem", { name: "Order 1" });
  const step = (key: string) => order.locator(`[data-step="${key}"]`);

  // Accepted by the pipeline: accepted is where it is; preparing waits for the kitchen.
  await expect(step("accepted")).toHaveAttribute("aria-current", "step");
  await expect(step("preparing")).not.toHaveClass(/done|current/);
  await expect(step("preparing").locator("time")).toHaveCount(0);
  let [placed] = (await sessionDetail(api, venue.staffToken, id)).orders;
  await expect(step("placed").locator("time")).toHaveText(germanTime(placed!.placedAt));
  await expect(step("placed").locator("time")).toHaveAttribute("datetime", placed!.placedAt);
  await expect(step("accepted").locator("time")).toHaveText(germanTime(placed!.acceptedAt!));

  // The kitchen starts and finishes its ticket; staff deliver.
  const socket = await staffSocket(venue.staffToken);
  try {
    const ticketId = placed!.tickets[0]!.id;
    const bump = async (to: "PREPARING" | "READY") => {
      const ack = await socket.timeout(5000).emitWithAck("ticket:bump", { ticketId, to });
      if (ack.error) throw new Error(`ticket:bump refused: ${ack.error.code}`);
    };
    await bump("PREPARING");
    await expect(step("preparing")).toHaveAttribute("aria-current", "step");
    [placed] = (await sessionDetail(api, venue.staffToken, id)).orders;
    await expect(step("preparing").locator("time")).toHaveText(germanTime(placed!.tickets[0]!.startedAt!));
    await expect(step("accepted")).toHaveClass(/done/);
    await phoneShots(page, test.info(), "timeline-preparing", () => order.scrollIntoViewIfNeeded());

    await bump("READY");
    await expect(step("ready")).toHaveAttribute("aria-current", "step");
    const ack = await socket.timeout(5000).emitWithAck("order:advance", { orderId: placed!.id, to: "DELIVERED" });
    if (ack.error) throw new Error(`order:advance refused: ${ack.error.code}`);
  } finally {
    socket.disconnect();
  }
  await expect(step("delivered")).toHaveClass(/done/);
  [placed] = (await sessionDetail(api, venue.staffToken, id)).orders;
  await expect(step("ready").locator("time")).toHaveText(germanTime(placed!.shipment!.readyAt!));
  await expect(step("delivered").locator("time")).toHaveText(germanTime(placed!.shipment!.deliveredAt!));
  await expect(order.locator("time")).toHaveCount(5);
  await phoneShots(page, test.info(), "timeline-delivered", () => order.scrollIntoViewIfNeeded());
});
