import { storage } from "../lib/storage";

/** What a phone keeps per table (join code), so a reload or a sleeping phone resumes. */
export interface CartLine {
  productId: string;
  quantity: number;
  note: string;
}

export interface Submission {
  /** Made once per cart submission; every retry reuses it, so the server stores one order. */
  clientOrderId: string;
  lines: CartLine[];
}

export interface SavedCart {
  lines: CartLine[];
  submission: Submission | null;
}

const tokenKey = (code: string) => `ordered.customer.${code}`;
const cartKey = (code: string) => `ordered.cart.${code}`;

export const customerStorage = {
  token: (code: string) => storage.get<{ token: string }>(tokenKey(code))?.token ?? null,
  saveToken: (code: string, token: string) => storage.set(tokenKey(code), { token }),
  forget: (code: string) => {
    storage.remove(tokenKey(code));
    storage.remove(cartKey(code));
  },
  cart: (code: string): SavedCart => storage.get<SavedCart>(cartKey(code)) ?? { lines: [], submission: null },
  saveCart: (code: string, cart: SavedCart) => storage.set(cartKey(code), cart),
};
