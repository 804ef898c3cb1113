// Issue 35, the waiter's side of allergy safety: a table's declared allergies on its sheet, live.
// A guest declares a peanut allergy on their phone (the REST API, as the phone does): the
// waiter's open sheet shows it without a reload. The waiter records seat 2's sesame allergy
// (a guest without a phone) through the sheet's form, takes a sesame dish for seat 2 on the
// order pad and is warned there (staff are not refused), and the sheet's line shows the seat's
// allergy and what the dish contains; the phone's line shows the phone's. The kitchen's
// acknowledgement shows on the order. A second table: a declaration made while the panel was
// offline shows once it reconnects (the event is not replayed: the sheet reads them again), and
// the waiter corrects a phone's declaration through the form. Screenshots of the sheet and the pad go to
// E2E_SHOTS_DIR when set (to look at), else the test's output folder.
import { expectAccessible } from "../support/axe.js";
import { expect, test } from "../support/fixtures.js";
import { createProduct } from "../support/menu.js";
import { sessionDetail, staffSocket, waitForAccepted } from "../support/phone-side.js";
import { connectPhone, placeOrder } from "../support/session.js";
import { showTable } from "../support/ui.js";
import { shot } from "../support/waiter.js";

test("the sheet shows a phone's allergy live, staff record a seat's, the pad warns of a conflicting dish, the lines carry them", async ({
  api,
  venue,
  panel,
}) => {
  const info = test.info();
  await panel.setViewportSize({ width: 1024, height: 768 });
  const token = venue.staffToken;
  const starters = venue.categories.find((c) => c.name === "Starters") ?? venue.categories[0]!;
  const salad = await createProduct(api, token, {
    categoryId: starters.id,
    name: "Sesame salad",
    priceCents: 800,
    allergens: ["SESAME", "SOYBEANS"],
    tags: ["VEGAN"],
  });
  const { session } = await api.openSession(token, "Table 7");
  const sheet = await showTable(panel, "Table 7");
  const allergies = sheet.getByRole("region", { name: /^Allergies/ });
  await expect(allergies).toContainText("No allergies or diets declared at this table.");

  // Ann joins on her phone and declares a peanut allergy: the open sheet shows it, live.
  const ann = await api.joinSession(session.joinCode, "Ann");
  await expect(sheet.getByRole("listitem", { name: "Ann" })).toBeVisible();
  await api.route("PUT /api/sessions/allergies", {
    token: ann.token,
    body: { allergens: ["PEANUTS"], diets: [], note: "severe: carries an EpiPen" },
  });
  const annsDeclaration = allergies.getByRole("listitem", { name: "Ann" });
  await expect(annsDeclaration).toContainText("Peanuts");
  await expect(annsDeclaration).toContainText("severe: carries an EpiPen");
  await expect(annsDeclaration).toContainText("declared by the guest");

  // Seat 2 has no phone: the waiter records its sesame allergy. A seat out of range is refused first.
  await allergies.getByRole("button", { name: "Record allergies at Table 7" }).click();
  const form = panel.getByRole("dialog", { name: "Allergies at Table 7" });
  await form.getByLabel("Seat number").fill("100");
  await form.getByRole("checkbox", { name: "Sesame" }).check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toHaveText("The seat must be a number from 1 to 99.");
  await form.getByLabel("Seat number").fill("2");
  await form.getByRole("checkbox", { name: "Vegan" }).check();
  await expectAccessible(panel, info, "allergy form");
  await shot(panel, info, "staff-allergies-form");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();
  const seat2 = allergies.getByRole("listitem", { name: "Seat 2" });
  await expect(seat2).toContainText("Sesame");
  await expect(seat2).toContainText("Vegan");
  await expect(seat2).toContainText(`recorded by ${venue.owner.displayName}`);
  const stored = await api.route("GET /api/sessions/:id/allergies", { token, params: { id: session.id } });
  expect(stored.allergies.declarations.find((d) => d.guest === "seat:2")).toMatchObject({ allergens: ["SESAME"], diets: ["VEGAN"] });

  // Ann orders a margherita (no peanuts): her line carries her declaration, without a conflict.
  const phone = await connectPhone(ann.token);
  try {
    await placeOrder(phone, [venue.products.find((p) => p.name === "Margherita")!.id]);
  } finally {
    phone.close();
  }
  const annsOrder = sheet.locator(".order-card").filter({ hasText: "Margherita" });
  await expect(annsOrder.locator("[data-line-allergy]")).toHaveText(/⚠ Peanuts/);
  await expect(annsOrder.locator(".line-allergy-conflict")).toHaveCount(0);

  // The pad: the salad for seat 2 is warned on its line (and sent: staff are not refused).
  await sheet.getByRole("button", { name: "Take order" }).click();
  const pad = panel.getByRole("dialog", { name: "Order for Table 7" });
  await pad.getByRole("button", { name: "2", exact: true }).click();
  await expect(pad.getByText("⚠ Seat 2 declared: Sesame · Vegan")).toBeVisible();
  await pad.getByPlaceholder("Search dishes…").fill("sesame");
  await pad.getByRole("button", { name: /^Sesame salad/ }).click();
  const line = pad.getByRole("region", { name: "This order" }).getByRole("listitem", { name: "Sesame salad" });
  await expect(line).toContainText("⚠ Contains sesame — Seat 2 declared Sesame · Vegan");
  // On no seat the same dish is nobody's: no warning.
  await line.getByLabel("Seat of Sesame salad").selectOption("");
  await expect(line.locator("[data-allergy-warning]")).toHaveCount(0);
  await line.getByLabel("Seat of Sesame salad").selectOption("2");
  await expect(line.locator("[data-allergy-warning]")).toBeVisible();
  await shot(panel, info, "staff-allergies-pad");
  await pad.getByRole("button", { name: "Send 1 item" }).click();
  await expect(pad).toBeHidden();

  // The sheet's line: seat 2's declaration, and what the salad contains against it.
  const seatOrder = sheet.locator(".order-card").filter({ hasText: "Sesame salad" });
  const tag = seatOrder.locator('[data-line-allergy="seat:2"]');
  await expect(tag).toContainText("⚠ Sesame · Vegan");
  await expect(tag).toContainText("contains sesame");

  // The kitchen reads the declarations on the salad's ticket: the order says who and when.
  await waitForAccepted(api, token, session.id, 2);
  const detail = await sessionDetail(api, token, session.id);
  const ticketId = detail.orders.find((o) => o.items.some((i) => i.productId === salad.id))!.tickets[0]!.id;
  const kitchen = await staffSocket(token);
  try {
    const ack = await kitchen.timeout(5000).emitWithAck("ticket:acknowledge-allergies", { ticketId });
    expect(ack.error).toBeUndefined();
  } finally {
    kitchen.close();
  }
  await expect(seatOrder).toContainText(`Allergies read by the kitchen: ${venue.owner.displayName}`);

  await expectAccessible(panel, info, "table sheet with allergies");
  await sheet.scrollIntoViewIfNeeded();
  await shot(panel, info, "staff-allergies-sheet");
  await panel.setViewportSize({ width: 768, height: 1024 });
  await shot(panel, info, "staff-allergies-sheet-768x1024");

  // A change on another device reaches this sheet too (the event carries them whole); clearing removes it.
  await api.route("PUT /api/sessions/:id/allergies", {
    token,
    params: { id: session.id },
    body: { guest: "seat:2", allergens: ["SESAME", "FISH"], diets: [], note: null },
  });
  await expect(seat2).toContainText("Fish");
  await seat2.getByRole("button", { name: "Change the allergies of Seat 2" }).click();
  const edit = panel.getByRole("dialog", { name: "Allergies of Seat 2" });
  await expect(edit.getByRole("checkbox", { name: "Fish" })).toBeChecked();
  await edit.getByRole("button", { name: "Clear all" }).click();
  await expect(edit).toBeHidden();
  await expect(seat2).toHaveCount(0);
  await expect(tag).toHaveCount(0);
});

test("a declaration made while the panel was offline shows once it is back; staff correct a phone's through the form", async ({
  api,
  venue,
  panel,
}) => {
  const token = venue.staffToken;
  const { session } = await api.openSession(token, "Table 8");
  const bo = await api.joinSession(session.joinCode, "Bo");
  const sheet = await showTable(panel, "Table 8");
  await expect(sheet.getByRole("listitem", { name: "Bo" })).toBeVisible();
  const allergies = sheet.getByRole("region", { name: /^Allergies/ });

  // allergies:changed is not replayed after a reconnect: the sheet reads them again.
  await panel.context().setOffline(true);
  await expect(panel.getByRole("status")).toHaveText("Offline");
  await api.route("PUT /api/sessions/allergies", { token: bo.token, body: { allergens: ["GLUTEN"], diets: ["VEGETARIAN"] } });
  await expect(allergies).toContainText("No allergies or diets declared at this table.");
  await panel.context().setOffline(false);
  await expect(panel.getByRole("status")).toHaveText("Live");
  const bos = allergies.getByRole("listitem", { name: "Bo" });
  await expect(bos).toContainText("Gluten");
  await expect(bos).toContainText("Vegetarian");

  // The guest told the waiter about milk too: the waiter corrects the phone's declaration.
  await bos.getByRole("button", { name: "Change the allergies of Bo" }).click();
  const form = panel.getByRole("dialog", { name: "Allergies of Bo" });
  await expect(form.getByRole("checkbox", { name: "Gluten (cereals)" })).toBeChecked();
  await form.getByRole("checkbox", { name: "Milk" }).check();
  await form.getByLabel("Note (optional)").fill("coeliac");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();
  await expect(bos).toContainText("Milk");
  await expect(bos).toContainText(`recorded by ${venue.owner.displayName}`);
  await expect(bos).toContainText("coeliac");
  const own = await api.route("GET /api/sessions/allergies", { token: bo.token });
  expect(own.declaration).toMatchObject({ allergens: ["GLUTEN", "MILK"], diets: ["VEGETARIAN"], note: "coeliac" });

  // A new declaration for a phone is picked from the table's phones.
  await allergies.getByRole("button", { name: "Record allergies at Table 8" }).click();
  const record = panel.getByRole("dialog", { name: "Allergies at Table 8" });
  await record.getByRole("radio", { name: "A phone", exact: true }).check();
  await record.getByRole("button", { name: "Save" }).click();
  await expect(record.getByRole("alert")).toHaveText("Choose the phone whose allergies these are.");
  await record.getByRole("combobox", { name: "Phone" }).selectOption({ label: "Bo" });
  // Bo's declaration is the form's start: the form replaces it whole.
  await expect(record.getByRole("checkbox", { name: "Milk" })).toBeChecked();
  await record.getByRole("button", { name: "Cancel" }).click();
  await expect(record).toBeHidden();
});
