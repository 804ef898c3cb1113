// Issue 32, item 6: a waiter's shift on the table-centred panel, on two server instances with
// the kitchen display and phones. The waiter's tablet is on instance 1, the kitchen's display
// and the phones on instance 2.
//
// A waiter-only table from seat to receipt: seated from its floor tile (its sheet opens), the
// order taken on the pad with seats, options and the mains held; the kitchen cooks the
// starters, the waiter fires the mains, voids a main the kitchen started (a manager approves
// on the waiter's tablet), the food at the pass shows on the floor tile and in Needs action,
// delivered from there; a drink comped; the bill split by seat with the shared Burrata across
// three seats (3.84 + 3.83 + 3.83); each seat pays; closed; the receipt and the day's totals
// carry every correction with who and why.
//
// A mixed table: two phones order, the waiter adds a bottle of wine from the pad (the phones
// see it, taken by staff), a call is acknowledged from Needs action, the party moves to the
// terrace mid-service (the phones follow) and another table merges into it.
//
// Screenshots of the waiter's tablet at 1024×768 and 768×1024 (E2E_SHOTS_DIR to keep them).
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "../support/fixtures.js";
import { column, createAccount, type Display, openDisplay, TABLET, ticketOn } from "../support/kitchen.js";
import { createTable, sessionDetail, staffSocket } from "../support/phone-side.js";
import { orderOnPhone } from "../support/session.js";
import { floorTile, loginStaff, onInstance, sessionCard, showTable } from "../support/ui.js";
import { shot, TABLET_SIZES, test } from "../support/waiter.js";

const displays: Display[] = [];
test.afterEach(async () => {
  await Promise.all(displays.splice(0).map((d) => d.context.close()));
});

/** The waiter's tablet: a SERVER account signed in on instance 1, landscape. */
async function waiterTablet(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await loginStaff(page, { owner: { ...account, id: "", displayName: "" } });
}

async function tabletShots(page: Page, name: string): Promise<void> {
  for (const [width, height] of TABLET_SIZES) {
    await page.setViewportSize({ width, height });
    await shot(page, test.info(), `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

test("a waiter-only table from seat to receipt: pad, courses, a void approved by a manager, a comp, a shared dish split three ways", async ({
  browser,
  page,
  api,
  venue,
}) => {
  // A whole table's evening: three screens, two instances and a dozen steps.
  test.setTimeout(240_000);
  const owner = venue.staffToken;
  const suffix = randomUUID().slice(0, 8);
  const waiter = await createAccount(api, owner, "SERVER", `waiter-${suffix}@e2e.ordered`);
  const manager = await createAccount(api, owner, "MANAGER", `manager-${suffix}@e2e.ordered`);
  const kitchenId = venue.stations.find((s) => s.name === "Kitchen")!.id;
  const barId = venue.stations.find((s) => s.name === "Bar")!.id;
  const kitchen = await openDisplay(browser, kitchenId, venue.owner, TABLET, 1);
  displays.push(kitchen);
  await createTable(api, owner, "Table 3");
  await waiterTablet(page, waiter);

  // Seat the table from its tile: its sheet opens.
  await expect(floorTile(page, "Table 3")).toContainText("Free");
  await floorTile(page, "Table 3").getByRole("button", { name: "Seat Table 3" }).click();
  const sheet = sessionCard(page, "Table 3");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { name: "Table 3" })).toBeVisible();

  // The pad: seat 1 a Burrata (to share) and a Lemonade, seat 2 a large Margherita with rocket,
  // seat 3 a Diavola; the mains held until the starters are eaten.
  await sheet.getByRole("button", { name: "Take order" }).click();
  const pad = page.getByRole("dialog", { name: "Order for Table 3" });
  await pad.getByRole("button", { name: "1", exact: true }).click();
  await pad.getByRole("tab", { name: "Starters" }).click();
  await pad.getByRole("button", { name: /^Burrata/ }).click();
  await pad.getByRole("tab", { name: "Drinks" }).click();
  await pad.getByRole("button", { name: /^Lemonade/ }).click();
  await pad.getByRole("button", { name: "2", exact: true }).click();
  await pad.getByRole("tab", { name: "Pizza" }).click();
  await pad.getByRole("button", { name: /^Margherita/ }).click();
  const options = pad.getByRole("region", { name: "Options for Margherita" });
  await options.getByRole("radio", { name: /Large/ }).check();
  await options.getByRole("checkbox", { name: /Rocket/ }).check();
  await options.getByRole("button", { name: /^Add/ }).click();
  await pad.getByRole("button", { name: "3", exact: true }).click();
  await pad.getByRole("button", { name: /^Diavola/ }).click();
  const diavola = pad.getByRole("region", { name: "Options for Diavola" });
  await diavola.getByRole("radio", { name: /Regular/ }).check();
  await diavola.getByRole("button", { name: /^Add/ }).click();
  const lines = pad.getByRole("region", { name: "This order" });
  await lines.getByLabel("Hold Mains").check();
  await lines.getByRole("button", { name: "Send 4 items" }).dblclick();
  await expect(pad).toBeHidden();

  // The sheet: the order by course, the courses in a row; the mains wait for the waiter.
  await expect(sheet).toContainText("1× Burrata");
  await expect(sheet.getByRole("list", { name: "Courses" })).toContainText("Mains held");
  // Lines under their course (in the kitchen's order: the Kitchen's starters and mains, then the Bar), each with its seat.
  await expect(sheet.locator(".item-course")).toHaveText(["Starters", "Mains", "Drinks"]);
  await expect(sheet.locator(".item-seat")).toHaveText(["Seat 1", "Seat 2", "Seat 3", "Seat 1"]);

  // The kitchen (instance 2): the Burrata live, the mains greyed. It cooks the starter.
  const starters = column(kitchen.page, "New").getByRole("article", { name: "Table 3 #1" }).filter({ hasText: "Burrata" });
  await expect(kitchen.page.locator("[data-held]")).toContainText("Diavola");
  await starters.getByRole("button", { name: "Start Table 3 #1" }).click();
  await column(kitchen.page, "Preparing")
    .getByRole("article", { name: "Table 3 #1" })
    .getByRole("button", { name: "Mark Table 3 #1 ready" })
    .click();
  // The bar pours the lemonade.
  const order = (await sessionDetail(api, owner, (await api.listSessions(owner, "OPEN")).find((s) => s.label === "Table 3")!.id))
    .orders[0]!;
  const bar = await staffSocket(owner);
  const drinks = order.tickets.find((t) => t.stationId === barId)!;
  for (const to of ["PREPARING", "READY"] as const)
    expect((await bar.emitWithAck("ticket:bump", { ticketId: drinks.id, to })).error).toBeUndefined();
  bar.close();
  await expect(sheet.getByRole("list", { name: "Courses" }).getByRole("listitem")).toContainText([
    "Starters ready",
    "Mains held",
    "Drinks ready",
  ]);

  // The floor says what the table waits for: the waiter, to fire the mains.
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await expect(floorTile(page, "Table 3")).toContainText("Mains held");
  await shot(page, test.info(), "floor-mains-held-1024x768");
  await floorTile(page, "Table 3").locator("button.tile-open").click();
  await sheet.getByRole("button", { name: "Fire Mains" }).click();
  await expect(sheet.getByRole("list", { name: "Courses" })).toContainText("Mains sent");
  const mains = ticketOn(kitchen.page, "Table 3 #1").filter({ hasText: "Diavola" });
  await mains.getByRole("button", { name: "Start Table 3 #1" }).click();
  await expect(mains).toHaveAttribute("data-status", "PREPARING");
  await expect(sheet.getByRole("list", { name: "Courses" })).toContainText("Mains cooking");

  // Seat 3 changes their mind after the kitchen started: a void needs a manager, who approves on this tablet.
  await sheet.getByRole("button", { name: "Correct 1× Diavola of order Table 3 #1" }).click();
  const voiding = page.getByRole("dialog", { name: /^Correct 1× Diavola/ });
  await voiding.getByRole("radio", { name: /^Void/ }).check();
  await voiding.getByLabel(/^Reason/).fill("guest changed their mind");
  await voiding.getByLabel("Manager's email").fill(manager.email);
  await voiding.getByLabel("Manager's password").fill(manager.password);
  await voiding.getByRole("button", { name: "Void line" }).click();
  await expect(voiding).toBeHidden();
  await expect(sheet.locator("li.item.voided")).toContainText("Diavola");
  await expect(mains.locator("[data-voided]")).toContainText("Diavola");

  // The kitchen finishes the mains: the food is at the pass. The floor and Needs action say so.
  await mains.getByRole("button", { name: "Mark Table 3 #1 ready" }).click();
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await expect(floorTile(page, "Table 3")).toContainText("Food ready");
  await expect(floorTile(page, "Table 3")).not.toContainText("Kitchen");
  const feed = page.getByRole("complementary", { name: /Needs action/ });
  const ready = feed.getByRole("listitem", { name: "Ready to deliver: Table 3 #1" });
  await expect(ready).toBeVisible();
  await tabletShots(page, "floor-food-ready");
  await ready.getByRole("button", { name: "Delivered: Table 3 #1, from Needs action" }).click();
  await expect(ready).toHaveCount(0);
  await expect(floorTile(page, "Table 3")).not.toContainText("Food ready");

  // A lemonade on the house (a manager's right: approved the same way).
  await floorTile(page, "Table 3").locator("button.tile-open").click();
  await expect(sheet).toContainText("Delivered");
  await sheet.getByRole("button", { name: "Correct 1× Lemonade of order Table 3 #1" }).click();
  const comping = page.getByRole("dialog", { name: /^Correct 1× Lemonade/ });
  await comping.getByRole("radio", { name: /^Comp/ }).check();
  await comping.getByLabel(/^Reason/).fill("birthday");
  await comping.getByLabel("Manager's email").fill(manager.email);
  await comping.getByLabel("Manager's password").fill(manager.password);
  await comping.getByRole("button", { name: "Comp line" }).click();
  await expect(comping).toBeHidden();
  await expect(sheet).toContainText("On the house · birthday");
  await tabletShots(page, "table-sheet");

  // Split by seat, then the Burrata shared by all three seats: 11.50 = 3.84 + 3.83 + 3.83.
  // Margherita large with rocket: 9.50 + 3.00 + 1.00 = 13.50.
  await expect(sheet.getByText("Due €25.00")).toBeVisible();
  await sheet.getByRole("button", { name: "Split by item" }).click();
  const split = page.getByRole("dialog", { name: "Split by item — Table 3" });
  await split.getByRole("button", { name: "Give 2 lines to their seats" }).click();
  await split.getByRole("button", { name: /^1× Burrata/ }).click(); // nobody chosen yet: asks to choose
  await expect(split.getByRole("alert")).toContainText("Choose who pays first");
  for (const seat of ["Seat 1", "Seat 2", "Seat 3"]) await split.getByRole("button", { name: new RegExp(`^${seat}`) }).click();
  await split.getByRole("button", { name: /^1× Burrata/ }).click();
  await expect(split.getByTestId("split-sums")).toHaveText("Shares €25.00 + not claimed €0.00 = €25.00");
  await expect(split.getByTestId("total-seat:1")).toHaveText("€3.84");
  await expect(split.getByTestId("total-seat:2")).toHaveText("€17.33");
  await expect(split.getByTestId("total-seat:3")).toHaveText("€3.83");
  await tabletShots(page, "split-by-seat");
  for (const [who, amount] of [
    ["Seat 1", "€3.84"],
    ["Seat 2", "€17.33"],
    ["Seat 3", "€3.83"],
  ] as const) {
    await split.getByRole("button", { name: `Pay ${amount} for ${who}` }).click();
    const pay = page.getByRole("dialog", { name: "Record payment — Table 3" });
    await pay.getByRole("radio", { name: "Cash" }).check();
    await pay.getByRole("button", { name: "Record payment" }).click();
    await expect(split.getByRole("button", { name: `Pay ${amount} for ${who}` })).toHaveCount(0);
  }
  await split.getByRole("button", { name: "Done" }).click();
  await expect(sheet.getByText("Due €0.00")).toBeVisible();

  // Closed: back to the floor, the table free, its record with the receipt.
  await sheet.getByRole("button", { name: "Close session" }).click();
  const close = page.getByRole("dialog", { name: "Close session" });
  await close.getByRole("button", { name: "Close session" }).click();
  await expect(sheet).toHaveCount(0);
  await expect(floorTile(page, "Table 3")).toContainText("Free");
  const closed = page.getByRole("region", { name: "Closed sessions" }).getByRole("article", { name: "Table 3" });
  await closed.getByRole("button", { name: "View Table 3" }).click();
  const record = page.getByRole("dialog", { name: "Table 3 — record" });
  const corrections = record.getByRole("region", { name: "Corrections" });
  await expect(corrections).toContainText("guest changed their mind");
  await expect(corrections).toContainText("birthday");
  await expect(corrections).toContainText(`approved by manager manager-${suffix}`);
  await expect(record.locator(".receipt-totals")).toContainText("Due€0.00");
  await expect(record.getByRole("region", { name: "Payments" })).toContainText("€17.33 cash · Seat 2");

  // The day's totals: the void and the comp, each with who and why; the payments sum to the bill.
  const stats = await api.route("GET /api/stats/daily", { token: owner, query: { date: new Date().toISOString().slice(0, 10) } });
  expect(stats.voidedCents).toBe(1250);
  expect(stats.compedCents).toBe(450);
  const reasons = stats.adjustments.map((a) => [a.kind, a.reason]);
  expect(reasons).toContainEqual(["VOID", "guest changed their mind"]);
  expect(reasons).toContainEqual(["COMP", "birthday"]);
  const stored = await sessionDetail(api, owner, order.sessionId);
  expect(stored.payments.reduce((s, p) => s + p.amountCents, 0)).toBe(2500);
  expect(stored.payments.map((p) => [p.payer, p.amountCents])).toEqual([
    ["seat:1", 384],
    ["seat:2", 1733],
    ["seat:3", 383],
  ]);
});

test("a mixed table: two phones and the waiter's wine, a call answered from Needs action, moved to the terrace, another table merged in", async ({
  browser,
  page,
  api,
  venue,
  phones,
}) => {
  test.setTimeout(240_000);
  const owner = venue.staffToken;
  const suffix = randomUUID().slice(0, 8);
  const waiter = await createAccount(api, owner, "SERVER", `waiter-${suffix}@e2e.ordered`);
  await createTable(api, owner, "Table 4");
  await createTable(api, owner, "Terrace 1");
  await createTable(api, owner, "Terrace 2");
  await waiterTablet(page, waiter);
  await floorTile(page, "Table 4").getByRole("button", { name: "Seat Table 4" }).click();
  let sheet = sessionCard(page, "Table 4");
  await expect(sheet).toBeVisible();
  const session = (await api.listSessions(owner, "OPEN")).find((s) => s.label === "Table 4")!;

  // Two phones on instance 2 order from the menu.
  const joinUrl = onInstance((await sessionDetail(api, owner, session.id)).session.joinUrl, 1);
  const ann = await phones.join(joinUrl, "Ann");
  const bea = await phones.join(joinUrl, "Bea");
  await orderOnPhone(ann.page, ["Burrata"]);
  await orderOnPhone(bea.page, ["Lemonade"]);
  await expect(sheet).toContainText("1× Lemonade");

  // The waiter adds a bottle of wine: both phones see it, taken by the waiter.
  await sheet.getByRole("button", { name: "Take order" }).click();
  const pad = page.getByRole("dialog", { name: "Order for Table 4" });
  await pad.getByPlaceholder("Search dishes…").fill("red");
  await pad.getByRole("button", { name: /^House Red/ }).click();
  await pad.getByRole("button", { name: "Send 1 item" }).click();
  await expect(pad).toBeHidden();
  for (const phone of [ann, bea]) {
    await expect(phone.page.getByRole("listitem", { name: "Order 3" })).toContainText(`taken by server waiter-${suffix}`);
  }

  // Ann calls the waiter: the tile and Needs action say so; acknowledged from there, her phone hears it.
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await ann.page.getByRole("button", { name: "Call a waiter", exact: true }).click();
  await expect(floorTile(page, "Table 4")).toContainText("Waiter called");
  const feed = page.getByRole("complementary", { name: /Needs action/ });
  await feed.getByRole("button", { name: "Acknowledge: Waiter call, Table 4, from Needs action" }).click();
  await expect(floorTile(page, "Table 4")).not.toContainText("Waiter called");
  await expect(ann.page.getByText(`Seen by server waiter-${suffix} ✓`)).toBeVisible();

  // The terrace opens up: the party moves there mid-service; the phones follow, Table 4 is free.
  await floorTile(page, "Table 4").locator("button.tile-open").click();
  await sheet.getByText("Move…").click();
  await sheet.getByRole("button", { name: "Move table…" }).click();
  const move = page.getByRole("dialog", { name: "Move Table 4 to…" });
  await move.getByRole("radio", { name: "Terrace 1" }).check();
  await move.getByRole("button", { name: "Move to Terrace 1" }).click();
  await expect(move).toBeHidden();
  sheet = await showTable(page, "Terrace 1");
  await expect(sheet).toContainText("1× House Red");
  for (const phone of [ann, bea]) await expect(phone.page.getByText("Terrace 1", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Back to the floor" }).click();
  await expect(floorTile(page, "Table 4")).toContainText("Free");

  // Friends at Terrace 2 join them: merged into Terrace 1, their order comes along.
  await floorTile(page, "Terrace 2").getByRole("button", { name: "Seat Terrace 2" }).click();
  const friends = sessionCard(page, "Terrace 2");
  await expect(friends).toBeVisible();
  await friends.getByRole("button", { name: "Take order" }).click();
  const pad2 = page.getByRole("dialog", { name: "Order for Terrace 2" });
  await pad2.getByRole("tab", { name: "Drinks" }).click();
  await pad2.getByRole("button", { name: /^Espresso/ }).click();
  const espresso = pad2.getByRole("region", { name: "Options for Espresso" });
  await espresso.getByRole("radio", { name: /Single/ }).check();
  await espresso.getByRole("button", { name: /^Add/ }).click();
  await pad2.getByRole("button", { name: "Send 1 item" }).click();
  await expect(pad2).toBeHidden();
  await expect(friends).toContainText("1× Espresso");
  await friends.getByText("Move…").click();
  await friends.getByRole("button", { name: "Merge with…" }).click();
  const merge = page.getByRole("dialog", { name: "Merge Terrace 2 with…" });
  await merge.getByRole("radio", { name: "Terrace 1" }).check();
  await merge.getByRole("button", { name: "Merge into Terrace 1" }).click();
  await expect(merge).toBeHidden();
  // The merged sheet closes with its session; the floor shows Terrace 2 free, Terrace 1 with everything.
  await expect(floorTile(page, "Terrace 2")).toContainText("Free");
  sheet = await showTable(page, "Terrace 1");
  for (const line of ["1× Burrata", "1× Lemonade", "1× House Red", "1× Espresso"]) await expect(sheet).toContainText(line);
  await tabletShots(page, "merged-sheet");
  const merged = await sessionDetail(api, owner, session.id);
  expect(merged.orders.map((o) => o.number).sort()).toEqual([1, 2, 3, 4]);
});
