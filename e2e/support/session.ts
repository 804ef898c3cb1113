// Helpers for the staff-side session specs (issue 12: phones, calls, bill, payments,
// closing): a phone's own socket for what its UI is not under test for (raising a call,
// placing an order), its stored token, and screenshots at the panel's three sizes.
import { randomUUID } from "node:crypto";
import type { ClientToServerEvents, ErrorBody, OrderDto, ServerToClientEvents } from "@ordered/contract";
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { baseUrl, viewOrder } from "./ui.js";

export type PhoneSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The customer token a phone's page keeps in localStorage (the one phone joined there). */
export async function phoneToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? "";
      if (!key.startsWith("ordered.customer.")) continue;
      const saved = JSON.parse(localStorage.getItem(key) ?? "null") as { token?: string } | null;
      if (saved?.token) return saved.token;
    }
    return null;
  });
  if (!token) throw new Error("the phone keeps no customer token");
  return token;
}

/**
 * A phone's socket with its token, as the app holds one. Resolves once connected; rejects
 * with the server's refusal (`{ code, message }`) when the handshake is refused.
 */
export function connectPhone(token: string): Promise<PhoneSocket> {
  const socket: PhoneSocket = io(baseUrl(0), { auth: { token }, transports: ["websocket"], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err: Error & { data?: ErrorBody }) => {
      socket.close();
      reject(err.data ?? { code: "NETWORK", message: err.message });
    });
  });
}

/** Raises a waiter call or a bill request from a phone's socket; returns the call's id. */
export async function raiseAlert(socket: PhoneSocket, kind: "WAITER" | "BILL"): Promise<string> {
  const ack = await socket.timeout(5000).emitWithAck("alert:raise", { kind });
  if (ack.error) throw new Error(`alert:raise refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data.alert.id;
}

/** Places an order from a phone's socket (one of each product id). */
export async function placeOrder(socket: PhoneSocket, productIds: string[]): Promise<OrderDto> {
  const ack = await socket.timeout(5000).emitWithAck("order:place", {
    clientOrderId: randomUUID(),
    items: productIds.map((productId) => ({ productId, quantity: 1 })),
  });
  if (ack.error) throw new Error(`order:place refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data.order;
}

/** Adds products on a phone's menu and places the order from its cart. */
export async function orderOnPhone(page: Page, names: string[]): Promise<void> {
  for (const name of names) await page.getByRole("button", { name: `Add ${name}` }).click();
  await viewOrder(page);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/^Order \d+ sent ✓$/)).toBeVisible();
}

/** The panel's sizes: desktop, tablet (landscape) and phone. */
export const PANEL_SIZES = [
  [1280, 800],
  [1024, 768],
  [390, 844],
] as const;

/**
 * Screenshots one thing at the three sizes: `target` (an element, e.g. a card or a dialog)
 * or the whole page. The viewport is put back afterwards.
 */
export async function screenshotsAt(page: Page, info: TestInfo, name: string, target?: Locator): Promise<void> {
  const original = page.viewportSize();
  for (const [width, height] of PANEL_SIZES) {
    await page.setViewportSize({ width, height });
    const path = info.outputPath(`${name}-${width}x${height}.png`);
    if (target) {
      // The panel's sticky top bar would cover the top of an element taller than the screen.
      // (Set through the CSSOM: the app's CSP refuses inline style sheets.)
      const stick = (position: string) =>
        page.evaluate((p) => {
          for (const bar of Array.from(document.querySelectorAll<HTMLElement>(".topbar"))) bar.style.position = p;
        }, position);
      await stick("static");
      await target.scrollIntoViewIfNeeded();
      await target.screenshot({ path });
      await stick("");
    } else {
      await page.screenshot({ path });
    }
  }
  if (original) await page.setViewportSize(original);
}
