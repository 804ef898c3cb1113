// Issue 32, items 1 and 3: the waiter's order pad on the panel and courses held and fired.
// A waiter-only table: seated, its order taken on the pad (options, seats, two courses with
// the mains held), the kitchen shows the mains greyed, the panel fires them, the kitchen sees
// them live and bumps. A mixed table: the waiter adds a bottle of wine from the pad and the
// guest's phone shows it taken by staff. Screenshots of the pad at 1024×768 and 768×1024 go
// to E2E_SHOTS_DIR when set (to look at), else the test's output folder.
import { expect } from "../support/fixtures.js";
import { column, type Display, openDisplay, TABLET } from "../support/kitchen.js";
import { createTable } from "../support/phone-side.js";
import { showTable } from "../support/ui.js";
import { shot, TABLET_SIZES, test } from "../support/waiter.js";

const displays: Display[] = [];
test.afterEach(async () => {
  await Promise.all(displays.splice(0).map((d) => d.context.close()));
});

test("a waiter-only table: the pad takes starters and held mains with seats and options; the panel fires the mains; the kitchen bumps", async ({
  browser,
  api,
  venue,
  panel,
}) => {
  const token = venue.staffToken;
  const kitchenId = venue.stations.find((s) => s.name === "Kitchen")!.id;
  const kitchen = await openDisplay(browser, kitchenId, venue.owner, TABLET);
  displays.push(kitchen);
  const table = await createTable(api, token, "Table 9");
  await api.seatTable(token, table.id);

  const card = await showTable(panel, "Table 9");
  await card.getByRole("button", { name: "Take order" }).click();
  const pad = panel.getByRole("dialog", { name: "Order for Table 9" });
  await expect(pad).toBeVisible();

  // Seat 1: a burrata (a starter). Seat 2: a large margherita with rocket (a main, with options).
  await pad.getByRole("button", { name: "1", exact: true }).click();
  await pad.getByRole("tab", { name: "Starters" }).click();
  await pad.getByRole("button", { name: /^Burrata/ }).click();
  await pad.getByRole("button", { name: "2", exact: true }).click();
  await pad.getByRole("tab", { name: "Pizza" }).click();
  await pad.getByRole("button", { name: /^Margherita/ }).click();
  const options = pad.getByRole("region", { name: "Options for Margherita" });
  await options.getByRole("radio", { name: /Large/ }).check();
  await options.getByRole("checkbox", { name: /Rocket/ }).check();
  await options.getByRole("button", { name: /^Add/ }).click();
  // Search finds a dish across the tabs; a sold-out one would be disabled with its reason.
  await pad.getByPlaceholder("Search dishes…").fill("burr");
  await expect(pad.getByRole("button", { name: /^Burrata/ })).toBeVisible();
  await pad.getByPlaceholder("Search dishes…").fill("");
  const lines = pad.getByRole("region", { name: "This order" });
  await expect(lines.getByRole("listitem", { name: "Burrata" }).getByLabel("Seat of Burrata")).toHaveValue("1");
  await expect(lines.getByRole("listitem", { name: "Margherita" }).getByLabel("Course of Margherita")).toHaveValue(
    venue.courses.find((c) => c.name === "Mains")!.id,
  );
  await expect(lines.getByRole("listitem", { name: "Margherita" })).toContainText("Large · Rocket");
  await lines.getByLabel("Hold Mains").check();

  // The pad as a waiter holds it: a landscape and a portrait tablet.
  for (const [width, height] of TABLET_SIZES) {
    await panel.setViewportSize({ width, height });
    await shot(panel, test.info(), `order-pad-${width}x${height}`);
  }
  // A double tap sends one order.
  await lines.getByRole("button", { name: "Send 2 items" }).dblclick();
  await expect(pad).toBeHidden();

  await expect(card).toContainText("1× Burrata");
  await expect(card).toContainText(`taken by ${venue.owner.displayName}`);
  await expect(card).toContainText("Mains held");

  // The kitchen: the burrata live, the mains greyed and not bumpable.
  const tickets = column(kitchen.page, "New").getByRole("article", { name: "Table 9 #1" });
  await expect(tickets).toHaveCount(2);
  const held = tickets.and(kitchen.page.locator("[data-held]"));
  await expect(held).toContainText("held: Mains");
  await expect(held).toContainText("Margherita");
  await expect(held).toContainText("seat 2");
  await expect(held.getByRole("button")).toHaveCount(0);
  const starters = tickets.filter({ hasText: "Burrata" });
  await expect(starters.getByRole("button", { name: "Start Table 9 #1" })).toBeVisible();
  await shot(kitchen.page, test.info(), "kitchen-held-mains-1024x768");
  await card.scrollIntoViewIfNeeded();
  await shot(panel, test.info(), "panel-card-mains-held");

  // Fire the mains from the panel: the kitchen gets them live, with their own clock, and bumps.
  await card.getByRole("button", { name: "Fire Mains" }).click();
  await expect(card).not.toContainText("Mains held");
  await expect(kitchen.page.locator("[data-held]")).toHaveCount(0);
  const mains = tickets.filter({ hasText: "Margherita" });
  await expect(mains).toContainText("Mains");
  await mains.getByRole("button", { name: "Start Table 9 #1" }).click();
  await column(kitchen.page, "Preparing")
    .getByRole("article", { name: "Table 9 #1" })
    .getByRole("button", { name: "Mark Table 9 #1 ready" })
    .click();
  await expect(column(kitchen.page, "Ready").getByRole("article", { name: "Table 9 #1" })).toContainText("Margherita");
});

test("a mixed table: the waiter adds a bottle of wine from the pad; the guest's phone shows it taken by staff", async ({
  api,
  venue,
  panel,
  phones,
}) => {
  const { session } = await api.openSession(venue.staffToken, "Table 12");
  const phone = await phones.join(session.joinUrl, "Sam");
  const card = await showTable(panel, "Table 12");
  await card.getByRole("button", { name: "Take order" }).click();
  const pad = panel.getByRole("dialog", { name: "Order for Table 12" });
  await pad.getByPlaceholder("Search dishes…").fill("red");
  await pad.getByRole("button", { name: /^House Red/ }).click();
  await pad.getByRole("button", { name: "Send 1 item" }).click();
  await expect(pad).toBeHidden();

  const order = phone.page.getByRole("listitem", { name: "Order 1" });
  await expect(order).toContainText(`taken by ${venue.owner.displayName}`);
  await expect(order).toContainText("House Red");
  await expect(card).toContainText("1× House Red");
});

test("a counter order: a walk-up order without a table, from the floor's quick action", async ({ panel }) => {
  await panel.getByRole("button", { name: "Counter order" }).click();
  const pad = panel.getByRole("dialog", { name: /^Order for Counter/ });
  await expect(pad).toBeVisible();
  await pad.getByRole("tab", { name: "Drinks" }).click();
  await pad.getByRole("button", { name: /^Lemonade/ }).click();
  await pad.getByRole("button", { name: "Send 1 item" }).click();
  await expect(pad).toBeHidden();
  // The counter order's sheet is open behind the pad; its tile waits on the floor under "Without a table".
  await expect(panel.locator("article.table-sheet")).toContainText("1× Lemonade");
  await panel.getByRole("button", { name: "Back to the floor" }).click();
  await expect(panel.getByRole("list", { name: "Without a table" }).getByRole("article", { name: /^Counter/ })).toContainText(
    "In the kitchen",
  );
});
