// Helpers for the phone-side specs of issue 12 (card join, calls, running bill, receipt,
// removal): staff's part is done over the real REST API and a real staff socket, so each
// spec drives exactly one UI, the phone's.
import { randomUUID } from "node:crypto";
import {
  type AlertDto,
  type AlertKind,
  billOf,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SessionDetailResponse,
  type TableDto,
} from "@ordered/contract";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import type { ApiClient } from "../../server/dist/tools/api-client.js";
import { baseUrl, type Phone, viewOrder } from "./ui.js";

/** A new table of the venue's floor; its `cardUrl` is what its printed card encodes. */
export async function createTable(api: ApiClient, staffToken: string, name: string): Promise<TableDto> {
  return (await api.route("POST /api/tables", { token: staffToken, body: { name } })).table;
}

/** Seats a table (opens a session on it); returns the new session's id. */
export async function seat(api: ApiClient, staffToken: string, table: TableDto): Promise<string> {
  return (await api.seatTable(staffToken, table.id)).session.id;
}

/** A session as staff read it (GET /api/sessions/:id): its orders, phones, calls and payments. */
export const sessionDetail = (api: ApiClient, staffToken: string, sessionId: string): Promise<SessionDetailResponse> =>
  api.getSession(staffToken, sessionId);

/** Waits until the session has an order per count, all accepted by the pipeline (the bill counts them). */
export async function waitForAccepted(api: ApiClient, staffToken: string, sessionId: string, count: number): Promise<void> {
  await expect
    .poll(async () => (await sessionDetail(api, staffToken, sessionId)).orders.filter((o) => o.status === "ACCEPTED").length, {
      timeout: 15_000,
    })
    .toBe(count);
}

/** Pays what is due (one card payment, with a tip) and closes the session, delivering what is still open. */
export async function payAndClose(api: ApiClient, staffToken: string, sessionId: string, tipCents = 0): Promise<void> {
  const detail = await sessionDetail(api, staffToken, sessionId);
  const due = billOf({
    currency: "EUR",
    orders: detail.orders,
    payments: detail.payments,
    customers: detail.customers,
    corrections: detail.discounts,
    serviceChargeBps: detail.session.serviceChargeBps,
    pricesIncludeTax: detail.session.pricesIncludeTax,
  }).dueCents;
  if (due > 0 || tipCents > 0) {
    await api.recordPayment(staffToken, sessionId, { clientPaymentId: randomUUID(), method: "CARD", amountCents: due, tipCents });
  }
  await api.closeSession(staffToken, sessionId, { unfinished: "finish" });
}

/** The id of the phone that joined a session under `name`. */
export async function customerId(api: ApiClient, staffToken: string, sessionId: string, name: string): Promise<string> {
  const phone = (await sessionDetail(api, staffToken, sessionId)).customers.find((c) => c.displayName === name);
  if (!phone) throw new Error(`no phone named ${name} at session ${sessionId}`);
  return phone.id;
}

/** A staff member's own socket (as the panel holds one), to acknowledge calls. */
export async function staffSocket(staffToken: string): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl(0), {
    auth: { token: staffToken },
    transports: ["websocket"],
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Waits for the phone's pending call of a kind to reach the server, and acknowledges it over the staff socket. */
export async function acknowledgeCall(
  api: ApiClient,
  staffToken: string,
  sessionId: string,
  kind: AlertKind,
  socket: Socket<ServerToClientEvents, ClientToServerEvents>,
): Promise<AlertDto> {
  let pending: AlertDto | undefined;
  await expect
    .poll(async () => {
      pending = (await sessionDetail(api, staffToken, sessionId)).alerts.find((a) => a.kind === kind && a.acknowledgedAt === null);
      return pending !== undefined;
    })
    .toBe(true);
  const ack = await socket.timeout(5000).emitWithAck("alert:acknowledge", { alertId: pending!.id });
  if (ack.error) throw new Error(`alert:acknowledge refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data.alert;
}

/**
 * Joins a table's card on a phone with a name; waits for the live menu. With `pin` (the
 * session's, as staff show it: pinOf) the guest then types it, so the phone may order.
 */
export async function joinByCard(phone: Phone, cardUrl: string, name: string, greeting: string, pin?: string): Promise<void> {
  await phone.page.goto(cardUrl);
  await expect(phone.page.getByRole("heading", { name: greeting })).toBeVisible();
  await phone.page.getByLabel("Your name (optional)").fill(name);
  await phone.page.getByRole("button", { name: "See the menu" }).click();
  await expectLive(phone.page);
  if (pin !== undefined) await typePin(phone.page, pin);
}

/** The session's PIN, as the panel shows it to staff. */
export const pinOf = async (api: ApiClient, staffToken: string, sessionId: string): Promise<string> =>
  (await sessionDetail(api, staffToken, sessionId)).session.pin;

/** A card-joined phone types the table's PIN and is told it may order. */
export async function typePin(page: Page, pin: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Type the table's PIN" })).toBeVisible();
  await page.getByLabel("Table PIN").fill(pin);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("You can order now.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Type the table's PIN" })).toHaveCount(0);
}

export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "Menu", exact: true })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");
}

/** Adds products and places the order from the phone's cart. */
export async function order(page: Page, names: string[]): Promise<void> {
  for (const name of names) await page.getByRole("button", { name: `Add ${name}` }).click();
  await viewOrder(page);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/^Order \d+ sent ✓$/)).toBeVisible();
}

/** The phone-size and the tablet-size screenshot of one screen: what the screen shows, or the whole page. */
export async function screenshots(page: Page, info: TestInfo, name: string, { fullPage = false } = {}): Promise<void> {
  const original = page.viewportSize();
  for (const [width, height] of [
    [390, 844],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: info.outputPath(`${name}-${width}x${height}.png`), fullPage });
  }
  if (original) await page.setViewportSize(original);
}
