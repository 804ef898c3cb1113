import { ordersOf } from "../support/api.js";
import { expect, test } from "../support/fixtures.js";
import { joinUrlFromPanel, openSession, showTable, viewOrder } from "../support/ui.js";

test("a double tap on Place order makes one order", async ({ panel, phones, api, venue }) => {
  await openSession(panel, "Table 10");
  const phone = await phones.join(await joinUrlFromPanel(panel, "Table 10"));
  await phone.page.getByRole("button", { name: "Add Lemonade" }).click();
  await viewOrder(phone.page);

  // Two taps within one frame, before React can re-render the button as disabled.
  await phone.page.getByRole("button", { name: "Place order" }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible();
  // Whatever the taps sent has been answered: nothing is waiting for an ack any more (a
  // second order would be listed as "Sending…" until acked, then as "Order 2").
  await expect(phone.page.getByRole("listitem", { name: "Sending…" })).toHaveCount(0);
  await expect(phone.page.getByRole("listitem", { name: "Order 2" })).toHaveCount(0);
  expect(await ordersOf(api, venue.staffToken, "Table 10")).toHaveLength(1);
  // The panel shows that one order, once.
  const card = await showTable(panel, "Table 10");
  await expect(card.getByText("Table 10 #1", { exact: true })).toHaveCount(1);
  await expect(card.getByText("Table 10 #2", { exact: true })).toHaveCount(0);
});

test("an order whose ack is lost is re-sent with the same clientOrderId and stored once", async ({ panel, phones, api, venue }) => {
  await openSession(panel, "Table 11");
  const joinUrl = await joinUrlFromPanel(panel, "Table 11");

  // Sit between the phone and the server: drop the first ack, as if the connection hiccupped
  // right after the server committed the order. That ack was also the phone's only copy of
  // the order's order:placed event (the broadcast leaves the placing socket out).
  const sent: string[] = [];
  let dropAck = true;
  const phone = await phones.join(joinUrl);
  await phone.page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      if (typeof m === "string" && m.includes('"order:place"')) sent.push(m);
      server.send(m);
    });
    server.onMessage((m) => {
      if (typeof m === "string" && dropAck && /^43\d+\[/.test(m)) {
        dropAck = false;
        return;
      }
      ws.send(m);
    });
  });
  await phone.page.reload(); // reconnect through the route
  await expect(phone.page.getByRole("status")).toHaveText("Live");

  await phone.page.getByRole("button", { name: "Add Espresso" }).click();
  await viewOrder(phone.page);
  await phone.page.getByRole("button", { name: "Place order" }).click();
  await expect(phone.page.getByRole("button", { name: "Sending…" })).toBeDisabled();
  await expect(phone.page.getByRole("listitem", { name: "Sending…" })).toContainText("Not confirmed yet");

  await expect(phone.page.getByRole("listitem", { name: "Order 1" })).toBeVisible({ timeout: 20_000 });
  await expect(phone.page.getByRole("listitem", { name: "Sending…" })).toHaveCount(0);
  expect(sent.length).toBeGreaterThanOrEqual(2);
  const ids = new Set(sent.map((m) => /"clientOrderId":"([^"]+)"/.exec(m)?.[1]));
  expect(ids.size).toBe(1);
  expect(await ordersOf(api, venue.staffToken, "Table 11")).toHaveLength(1);
});
