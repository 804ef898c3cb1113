import type { CurrentSessionResponse, ReceiptDto } from "@ordered/contract/client";
import { storage } from "../lib/storage";
import { readCart, type SavedCart } from "./cart";

export type { CartLine, SavedCart, Submission } from "./cart";

/**
 * How a phone came to its table: a session's own join code (/s/<code>, dies with the
 * session) or a table's permanent card (/t/<code>, seats a new party every time).
 */
export interface Entry {
  kind: "code" | "card";
  code: string;
}

/** A closed session's receipt as this phone keeps it: reopening the link shows it again. */
export interface KeptReceipt {
  receipt: ReceiptDto;
  /** The phone's own id in that session, to show its share. */
  customerId: string | null;
  /**
   * The phone's token for that (closed) session, which may only read and mail its receipt
   * (issue 33: the guest mails it from here); absent in receipts kept before, or when expired.
   */
  token?: string;
}

/**
 * The storage key of an entry. Join codes are kept under their bare code (as before cards
 * existed, so phones mid-session resume); cards under `card.<code>`. A join code never holds
 * a dot, so a card and a code cannot clash.
 */
export const entryKey = (entry: Entry): string => (entry.kind === "card" ? `card.${entry.code}` : entry.code);

interface SavedToken {
  token: string;
  /** Absent in what phones stored before receipts existed. */
  customerId?: string;
}

const tokenKey = (key: string) => `ordered.customer.${key}`;
const cartKey = (key: string) => `ordered.cart.${key}`;
const receiptKey = (key: string) => `ordered.receipt.${key}`;
const dismissedKey = (key: string) => `ordered.refusalsSeen.${key}`;
const liveKey = (key: string) => `ordered.live.${key}`;

/** The last state the phone showed of its session, with the token it belongs to. */
interface KeptLive {
  token: string;
  current: CurrentSessionResponse;
}

/** All keyed by `entryKey(entry)`. */
export const customerStorage = {
  token: (key: string) => storage.get<SavedToken>(tokenKey(key))?.token ?? null,
  /** The phone's own id in the session its token belongs to (kept to show its share on the receipt). */
  customerId: (key: string) => storage.get<SavedToken>(tokenKey(key))?.customerId ?? null,
  saveToken: (key: string, token: string, customerId: string) => storage.set(tokenKey(key), { token, customerId } satisfies SavedToken),
  /** Drops the token and the cart of a session that is over for this phone; its receipt stays. */
  forget: (key: string) => {
    storage.remove(tokenKey(key));
    storage.remove(cartKey(key));
    storage.remove(liveKey(key));
  },
  /** The kept cart; one stored by an older app is read as well as it can be, anything else is an empty cart. */
  cart: (key: string): SavedCart => readCart(storage.get<unknown>(cartKey(key))),
  saveCart: (key: string, cart: SavedCart) => storage.set(cartKey(key), cart),
  receipt: (key: string): KeptReceipt | null => storage.get<KeptReceipt>(receiptKey(key)),
  saveReceipt: (key: string, kept: KeptReceipt) => storage.set(receiptKey(key), kept),
  /** The refused orders whose notice the guest dismissed (or put back into the cart): not shown again after a reload. */
  dismissedRefusals: (key: string): string[] => {
    const ids = storage.get<unknown>(dismissedKey(key));
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  },
  saveDismissedRefusals: (key: string, ids: readonly string[]) => storage.set(dismissedKey(key), ids),
  /**
   * What the phone last showed of the session `token` belongs to (session at its cursor,
   * orders, payments, calls): opened instead of GET /sessions/current when a reload finds
   * no network, so the guest still sees their orders, marked offline, until the socket's
   * catch-up brings the rest.
   */
  live: (key: string, token: string): CurrentSessionResponse | null => {
    const kept = storage.get<KeptLive>(liveKey(key));
    return kept?.token === token && kept.current?.session ? kept.current : null;
  },
  saveLive: (key: string, token: string, current: CurrentSessionResponse) =>
    storage.set(liveKey(key), { token, current } satisfies KeptLive),
};
