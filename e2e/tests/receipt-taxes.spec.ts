// Issue 33, item 1: a receipt a German venue may hand out. The pizzas at the standard rate
// "A" 19 %, the lemonade at the reduced "B" 7 %; the venue's legal name, address and VAT id;
// a receipt number; the date in the venue's time zone; net, tax and gross per rate — on the
// guest's phone (in German) and on the staff's record of the session (in English).
import { expect, test } from "../support/fixtures.js";
import { order, payAndClose, screenshots, sessionDetail, waitForAccepted } from "../support/phone-side.js";
import { joinOnPhone, sessionCard } from "../support/ui.js";

test("a German receipt: lines with their rate's mark, net/tax/gross per rate, the venue's legal identity and the receipt's number", async ({
  api,
  venue,
  phones,
  prisma,
  panel,
}) => {
  const token = venue.staffToken;
  const rate = (name: string, rateBps: number, position: number) =>
    prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
  const [standard, reduced] = [await rate("A", 1900, 0), await rate("B", 700, 1)];
  await prisma.category.update({ where: { id: venue.categories.find((c) => c.name === "Pizza")!.id }, data: { taxRateId: standard.id } });
  await prisma.category.update({ where: { id: venue.categories.find((c) => c.name === "Drinks")!.id }, data: { taxRateId: reduced.id } });
  await api.route("PATCH /api/location", {
    token,
    body: { legalName: "Trattoria Rossi GmbH", address: "Hauptstraße 1\n10115 Berlin", taxId: "DE123456789", timeZone: "Europe/Berlin" },
  });

  const { session } = await api.openSession(token, "Tisch 3");
  const phone = await joinOnPhone(await phones.open(), session.joinUrl, "Lena");
  await order(phone.page, ["Margherita", "Lemonade"]);
  // Lena reads her receipt in German.
  await phone.page.getByLabel("Language").selectOption("de");
  await waitForAccepted(api, token, session.id, 1);
  await payAndClose(api, token, session.id);
  const { session: closed } = await sessionDetail(api, token, session.id);
  expect(closed.status).toBe("CLOSED");

  // The phone, in German.
  const receipt = phone.page.getByRole("region", { name: "Beleg" });
  await expect(receipt).toContainText("Trattoria Rossi GmbH");
  await expect(receipt).toContainText("Hauptstraße 1");
  await expect(receipt).toContainText("10115 Berlin");
  await expect(receipt).toContainText("USt-IdNr. DE123456789");
  await expect(receipt).toContainText(/Beleg-Nr\. \d+/);
  const lines = receipt.getByRole("region", { name: "Positionen" }).getByRole("row");
  await expect(lines.filter({ hasText: "Margherita" })).toContainText("A");
  await expect(lines.filter({ hasText: "Lemonade" })).toContainText("B");
  // 9,50 € at 19 %: 1,52 tax, 7,98 net; 4,50 € at 7 %: 0,29 tax, 4,21 net.
  const taxes = receipt.getByRole("region", { name: "Steuern" });
  await expect(taxes.locator("[data-rate='1900']")).toContainText(/A 19\s?%\s*7,98\s€\s*1,52\s€\s*9,50\s€/);
  await expect(taxes.locator("[data-rate='700']")).toContainText(/B 7\s?%\s*4,21\s€\s*0,29\s€\s*4,50\s€/);
  await expect(taxes.locator("tfoot")).toContainText(/12,19\s€\s*1,81\s€\s*14,00\s€/);
  await screenshots(phone.page, test.info(), "receipt-de", { fullPage: true });

  // The staff's record of the session, in English, says the same.
  const closedCard = panel.getByRole("region", { name: "Closed sessions" }).getByRole("article", { name: "Tisch 3" });
  await closedCard.getByRole("button", { name: "View Tisch 3" }).click();
  const record = panel.getByRole("dialog", { name: "Tisch 3 — record" });
  await expect(record).toContainText("VAT ID DE123456789");
  await expect(record).toContainText(/Receipt no\. \d+/);
  await expect(record.getByRole("region", { name: "Taxes" }).locator("[data-rate='1900']")).toContainText("€1.52");
  // Paid at the table, not by a phone: the table's row says so; Lena's paid is a dash, not "€0.00".
  const byPhone = record.getByRole("region", { name: "By phone" });
  await expect(byPhone.getByRole("row", { name: /Lena/ })).toContainText("—");
  await expect(byPhone.getByRole("row", { name: /Table/ })).toContainText("€14.00");
  await expect(sessionCard(panel, "Tisch 3")).toHaveCount(0);
  await record.screenshot({ path: test.info().outputPath("record-receipt-en.png") });
});

// An Italian venue's receipt (documento commerciale): IVA 10 % on food, 22 % on drinks, the
// seller's ragione sociale, address and Partita IVA, the number and the time on Rome's clock,
// imponibile / imposta / totale per aliquota — on the guest's phone, in Italian.
test("an Italian receipt: 10 % and 22 % IVA per aliquota, ragione sociale, P. IVA, number and Rome's time", async ({
  api,
  venue,
  phones,
  prisma,
}) => {
  const token = venue.staffToken;
  const rate = (name: string, rateBps: number, position: number) =>
    prisma.taxRate.create({ data: { locationId: venue.locationId, name, rateBps, position } });
  const [food, drinks] = [await rate("IVA 10%", 1000, 0), await rate("IVA 22%", 2200, 1)];
  for (const c of venue.categories) {
    await prisma.category.update({ where: { id: c.id }, data: { taxRateId: c.name === "Drinks" ? drinks.id : food.id } });
  }
  await api.route("PATCH /api/location", {
    token,
    body: {
      legalName: "Trattoria Roma S.r.l.",
      address: "Via del Corso 1\n00186 Roma RM",
      taxId: "IT01234567890",
      timeZone: "Europe/Rome",
    },
  });

  const { session } = await api.openSession(token, "Tavolo 7");
  const phone = await joinOnPhone(await phones.open(), session.joinUrl, "Giulia");
  await order(phone.page, ["Margherita", "Lemonade"]);
  await phone.page.getByLabel("Language").selectOption("it");
  await waitForAccepted(api, token, session.id, 1);
  await payAndClose(api, token, session.id);
  const { receipt: stored } = await sessionDetail(api, token, session.id);

  const receipt = phone.page.getByRole("region", { name: "Ricevuta" });
  await expect(receipt).toContainText("Trattoria Roma S.r.l.");
  await expect(receipt).toContainText("Via del Corso 1");
  await expect(receipt).toContainText("P. IVA IT01234567890");
  await expect(receipt).toContainText(`Scontrino n. ${stored!.number}`);
  // The closing time as Rome's clock shows it, whatever the test machine's zone.
  const rome = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", hour: "2-digit", minute: "2-digit" }).format(
    new Date(stored!.closedAt),
  );
  await expect(receipt).toContainText(rome);
  // Margherita 9,50 at 10 %: 0,86 imposta, 8,64 imponibile; Lemonade 4,50 at 22 %: 0,81, 3,69.
  const taxes = receipt.getByRole("region", { name: "Imposte" });
  await expect(taxes.locator("[data-rate='1000']")).toContainText(/8,64\s€\s*0,86\s€\s*9,50\s€/);
  await expect(taxes.locator("[data-rate='2200']")).toContainText(/3,69\s€\s*0,81\s€\s*4,50\s€/);
  await expect(taxes.locator("tfoot")).toContainText(/12,33\s€\s*1,67\s€\s*14,00\s€/);
  await screenshots(phone.page, test.info(), "receipt-it", { fullPage: true });
});
