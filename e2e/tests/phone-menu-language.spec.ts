// Issue 35, item 3: the menu in the guest's language. The venue writes its menu in English and
// enters Italian for a dish, its option and its category; an Italian phone reads them in Italian,
// finds the dish by its Italian name, and is told in Italian why its order was refused (the
// server sends a code, the phone says it). The kitchen keeps the venue's words.
import { readFileSync } from "node:fs";
import { expect, test } from "../support/fixtures.js";
import { createAccount, type Display, openDisplay, ticketOn } from "../support/kitchen.js";
import { createProduct } from "../support/menu.js";
import { openSessionWithLink, PHONE, phoneShots } from "../support/phone-screens.js";
import { menuItem } from "../support/ui.js";

const it_: Record<string, string> = JSON.parse(readFileSync(new URL("../../web/src/locales/it.json", import.meta.url), "utf8"));

const displays: Display[] = [];
test.afterEach(async () => {
  await Promise.all(displays.splice(0).map((d) => d.context.close()));
});

test("an Italian phone reads the menu in Italian, searches it in Italian, and a sold-out refusal in Italian; the kitchen keeps English", async ({
  browser,
  api,
  venue,
  phones,
  prisma,
}) => {
  const token = venue.staffToken;
  const kitchen = venue.stations.find((s) => s.name === "Kitchen")!;
  const starters = venue.categories.find((c) => c.stationId === kitchen.id)!;
  await api.route("PATCH /api/categories/:id", {
    token,
    params: { id: starters.id },
    body: { translations: { it: { name: "Antipasti della casa" } } },
  });
  const bread = await createProduct(api, token, {
    name: "Garlic bread",
    description: "Toasted, with butter",
    categoryId: starters.id,
    priceCents: 550,
    translations: { it: { name: "Pane all'aglio", description: "Tostato, con burro" } },
    optionGroups: [
      {
        name: "Size",
        minChoices: 1,
        maxChoices: 1,
        translations: { it: { name: "Porzione" } },
        options: [
          { name: "Small", priceDeltaCents: 0, translations: { it: { name: "Piccola" } } },
          { name: "Large", priceDeltaCents: 200, translations: { it: { name: "Grande" } } },
        ],
      },
    ],
  });
  const cook = await createAccount(api, token, "KITCHEN", `cook-${bread.id.slice(0, 6)}@e2e.ordered`);
  const display = await openDisplay(browser, kitchen.id, cook);
  displays.push(display);
  const { joinUrl } = await openSessionWithLink(api, token, "Table 11");

  const { page } = await phones.open({ locale: "it-IT" });
  await page.setViewportSize(PHONE);
  await page.goto(joinUrl);
  await page.getByLabel(it_["customer.nameLabel"]!).fill("Giulia");
  await page.getByRole("button", { name: it_["customer.join"] }).click();
  await expect(page.getByRole("heading", { name: "Antipasti della casa", exact: true })).toBeVisible();
  const dish = menuItem(page, "Pane all'aglio");
  await expect(dish).toContainText("Tostato, con burro");
  await phoneShots(page, test.info(), "menu-it", () => dish.scrollIntoViewIfNeeded());

  // The search speaks Italian too (and ignores accents and case).
  await page.getByLabel(it_["customer.search"]!).fill("AGLIO");
  await expect(menuItem(page, "Pane all'aglio")).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Garlic bread" })).toHaveCount(0);
  await page.getByLabel(it_["customer.search"]!).fill("");

  // Its options in Italian, then the order; it is sold out before the kitchen takes it (the
  // stock goes under the phone's feet: no live update tells it first).
  await dish.getByRole("button", { name: /Pane all'aglio/ }).click();
  const sheet = page.getByRole("dialog", { name: "Pane all'aglio" });
  await expect(sheet.getByRole("group", { name: /Porzione/ })).toBeVisible();
  await sheet.getByRole("radio", { name: /Grande/ }).check();
  await sheet.getByRole("button", { name: /Aggiungi/ }).click();
  await page.getByRole("heading", { name: it_["customer.cart"], exact: true }).scrollIntoViewIfNeeded();
  await prisma.product.update({ where: { id: bread.id }, data: { stock: 0 } });
  await page.getByRole("button", { name: it_["customer.place"], exact: true }).click();
  const refused = page.locator(".refused-notice");
  await expect(refused).toContainText("Pane all'aglio è esaurito");
  await page.screenshot({ path: test.info().outputPath("refused-it.png") });

  // A second order that goes through: the kitchen reads the venue's English, not Italian.
  await prisma.product.update({ where: { id: bread.id }, data: { stock: null } });
  await refused.getByRole("button", { name: it_["customer.putBack"] }).click();
  await page.getByRole("button", { name: it_["customer.place"], exact: true }).click();
  const ticket = ticketOn(display.page, "Table 11 #2");
  await expect(ticket).toContainText("Garlic bread");
  await expect(ticket).toContainText("Large");
  await expect(ticket).not.toContainText("Pane");
});
