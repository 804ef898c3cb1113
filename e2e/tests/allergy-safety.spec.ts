// Issue 35, item 1: allergy safety from end to end, as guests and cooks meet it. A guest with a
// peanut allergy on a German phone declares it once, sees which dishes go against it, orders one
// with an explicit confirmation; the grill's display shows the declaration loudest and will not
// start the ticket before a cook has read it (logged: who, when); another phone at the table
// never learns of it.
import { readFileSync } from "node:fs";
import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { createAccount, type Display, openDisplay, ticketOn } from "../support/kitchen.js";
import { createProduct } from "../support/menu.js";
import { openSessionWithLink, PHONE, phoneShots } from "../support/phone-screens.js";
import { menuItem } from "../support/ui.js";

const de: Record<string, string> = JSON.parse(readFileSync(new URL("../../web/src/locales/de.json", import.meta.url), "utf8"));

const displays: Display[] = [];
test.afterEach(async () => {
  await Promise.all(displays.splice(0).map((d) => d.context.close()));
});

test("a German guest declares a peanut allergy: conflicts marked, one dish ordered with a yes, the kitchen reads it before starting, the other phone never sees it", async ({
  browser,
  api,
  venue,
  phones,
}) => {
  const token = venue.staffToken;
  const kitchen = venue.stations.find((s) => s.name === "Kitchen")!;
  const category = venue.categories.find((c) => c.stationId === kitchen.id)!;
  const satay = await createProduct(api, token, {
    name: "Chicken Satay",
    categoryId: category.id,
    priceCents: 1150,
    allergens: ["PEANUTS", "SOYBEANS"],
  });
  const cook = await createAccount(api, token, "KITCHEN", `cook-${satay.id.slice(0, 6)}@e2e.ordered`);
  const display = await openDisplay(browser, kitchen.id, cook);
  displays.push(display);
  const { id: sessionId, joinUrl } = await openSessionWithLink(api, token, "Table 9");

  // Lena's phone speaks German; she declares her allergy once.
  const lena = (await phones.open({ locale: "de-DE" })).page;
  await lena.setViewportSize(PHONE);
  await lena.goto(joinUrl);
  await lena.getByLabel(de["customer.nameLabel"]!).fill("Lena");
  await lena.getByRole("button", { name: de["customer.join"] }).click();
  await expect(lena.getByRole("heading", { name: de["customer.menu"], exact: true })).toBeVisible();
  await lena.getByRole("button", { name: de["allergies.button"] }).click();
  const sheet = lena.getByRole("dialog", { name: de["allergies.title"] });
  await sheet.getByRole("checkbox", { name: de["allergens.PEANUTS"] }).check();
  await sheet.getByLabel(de["allergies.note"]!).fill("schwer, EpiPen dabei");
  await expectAccessible(lena, test.info(), "allergy sheet in German");
  await sheet.getByRole("button", { name: de["allergies.save"], exact: true }).click();
  await expect(sheet).toHaveCount(0);
  await expect(lena.getByRole("button", { name: /^Meine Allergien: Erdnüsse/ })).toBeVisible();

  // The satay is marked; a dish without peanuts is not.
  const marked = menuItem(lena, "Chicken Satay");
  await expect(marked).toContainText("Enthält Erdnüsse: Ihre Allergie");
  await expect(menuItem(lena, "Margherita")).not.toHaveAttribute("data-conflict");
  await marked.scrollIntoViewIfNeeded();
  await phoneShots(lena, test.info(), "phone-conflict-de", () => marked.scrollIntoViewIfNeeded());

  // Adding it asks first; "no" adds nothing, "yes" adds it.
  await marked.getByRole("button", { name: /Chicken Satay/ }).click();
  const ask = lena.getByRole("dialog", { name: de["allergies.confirmTitle"] });
  await expect(ask).toContainText("Chicken Satay: Enthält Erdnüsse: Ihre Allergie");
  await ask.getByRole("button", { name: de["allergies.confirmNo"] }).click();
  await expect(marked.getByRole("button", { name: /Chicken Satay/ })).not.toContainText("·");
  await marked.getByRole("button", { name: /Chicken Satay/ }).click();
  await ask.getByRole("button", { name: de["allergies.confirmYes"] }).click();
  await lena.getByRole("heading", { name: de["customer.cart"], exact: true }).scrollIntoViewIfNeeded();
  await expect(lena.getByText(de["allergies.lineConfirmed"]!)).toBeVisible();
  await lena.getByRole("button", { name: de["customer.place"] }).click();
  await expect(lena.getByText(/^Bestellung 1 gesendet ✓$/)).toBeVisible();

  // Max at the same table: no declaration of Lena's reaches his phone.
  const max = await phones.join(joinUrl, "Max");
  await expect(max.page.getByRole("button", { name: "My allergies", exact: true })).toBeVisible();
  await expect(menuItem(max.page, "Chicken Satay")).not.toHaveAttribute("data-conflict");
  await expect(max.page.locator("body")).not.toContainText("EpiPen");
  await expect(max.page.locator("body")).not.toContainText("your allergy");

  // The grill: the declaration loudest, what the dish holds of it, and no Start before it is read.
  const ticket = ticketOn(display.page, "Table 9 #1");
  await expect(ticket.locator("[data-declared]")).toContainText("ALLERGY: Peanuts");
  await expect(ticket.locator("[data-declared]")).toContainText("schwer, EpiPen dabei");
  await expect(ticket.locator("[data-declared]")).toContainText("CONTAINS PEANUTS");
  await expect(ticket.getByRole("button", { name: /^Start/ })).toHaveCount(0);
  await display.page.screenshot({ path: test.info().outputPath("display-allergy-unread.png") });
  await ticket.getByRole("button", { name: /^Allergy read/ }).click();
  await expect(ticket).toContainText(/Allergies read by kitchen cook-[0-9a-f]{6} at /);
  await ticket.getByRole("button", { name: /^Start/ }).click();
  await expect(ticketOn(display.page, "Table 9 #1")).toHaveAttribute("data-status", "PREPARING");
  await display.page.screenshot({ path: test.info().outputPath("display-allergy-read.png") });

  // The record: who read it, when, at which version.
  const { allergies } = await api.route("GET /api/sessions/:id/allergies", { token, params: { id: sessionId } });
  expect(allergies.declarations).toEqual([
    expect.objectContaining({ allergens: ["PEANUTS"], note: "schwer, EpiPen dabei", changedBy: null, version: 1 }),
  ]);
  expect(allergies.acks).toEqual([expect.objectContaining({ version: 1, ackedBy: expect.stringMatching(/^kitchen cook-/) })]);
});
