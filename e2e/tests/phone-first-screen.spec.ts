// Issue 15, item 2: the first screen names the venue and the table at once, checks the code
// before asking anything, and joins with one tap (the name is optional).
import { expect, test } from "../support/fixtures.js";
import { openSessionWithLink, PHONE, phoneShots, SMALL_PHONE } from "../support/phone-screens.js";
import { createTable, seat } from "../support/phone-side.js";

test("a session's QR (/s/): venue and table at once, one tap to the menu without a name", async ({ api, venue, phones }) => {
  const { id, joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 2");
  const { page } = await phones.open();
  await page.setViewportSize(SMALL_PHONE);
  await page.goto(joinUrl);
  await expect(page.getByRole("heading", { level: 1, name: `Table 2 · ${venue.name}` })).toBeVisible();
  await expect(page.getByLabel("Your name (optional)")).toBeEmpty();
  await expect(page.getByLabel("Your name (optional)")).not.toBeFocused(); // no keyboard over the button
  const go = page.getByRole("button", { name: "See the menu" });
  await expect(go).toBeInViewport({ ratio: 1 });
  await phoneShots(page, test.info(), "first-screen-code");

  await go.click();
  await expect(page.getByRole("heading", { name: "Menu", exact: true })).toBeVisible();
  const stored = await api.getSession(venue.staffToken, id);
  expect(stored.customers).toEqual([expect.objectContaining({ displayName: null })]);
});

test("a table's card (/t/): venue and table at once; a name, when given, is kept", async ({ api, venue, phones }) => {
  const table = await createTable(api, venue.staffToken, "Table 4");
  const sessionId = await seat(api, venue.staffToken, table);
  const { page } = await phones.open();
  await page.setViewportSize(PHONE);
  await page.goto(table.cardUrl);
  await expect(page.getByRole("heading", { level: 1, name: `Table 4 · ${venue.name}` })).toBeVisible();
  await phoneShots(page, test.info(), "first-screen-card");
  await page.getByLabel("Your name (optional)").fill("Alex");
  await page.getByLabel("Your name (optional)").press("Enter");
  await expect(page.getByRole("heading", { name: "Menu", exact: true })).toBeVisible();
  const stored = await api.getSession(venue.staffToken, sessionId);
  expect(stored.customers).toEqual([expect.objectContaining({ displayName: "Alex" })]);
});

test("a dead code is said at once, before anything is asked (/s/ and /t/)", async ({ phones }) => {
  const { page } = await phones.open();
  await page.setViewportSize(PHONE);
  await page.goto("/s/not-a-real-code-000000000");
  await expect(page.getByRole("heading", { name: "This code does not work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "See the menu" })).toHaveCount(0);
  await expect(page.getByLabel("Your name (optional)")).toHaveCount(0);
  await phoneShots(page, test.info(), "first-screen-dead-code");

  await page.goto("/t/not-a-real-card-000000000");
  await expect(page.getByRole("heading", { name: "Not a valid table card" })).toBeVisible();
  await expect(page.getByRole("button", { name: "See the menu" })).toHaveCount(0);
});

test("a closed session's code is said at once", async ({ api, venue, phones }) => {
  const { id, joinUrl } = await openSessionWithLink(api, venue.staffToken, "Table 6");
  await api.closeSession(venue.staffToken, id);
  const { page } = await phones.open();
  await page.setViewportSize(PHONE);
  await page.goto(joinUrl);
  await expect(page.getByRole("heading", { name: "This table's session is closed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "See the menu" })).toHaveCount(0);
  await phoneShots(page, test.info(), "first-screen-closed-code");
});
