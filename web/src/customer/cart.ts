/**
 * The cart's rules, bounded by the server's own limits so that a cart the phone lets you
 * build is one the server accepts.
 */
import { LIMITS, type PlaceOrderPayload } from "@ordered/contract";
import type { CartLine, Submission } from "./customer-storage";

const { maxLines, maxQuantity, noteLength } = LIMITS.order;

/** Whether one more of a product fits: a line below the quantity cap, or room for a new line. */
export function canAdd(lines: CartLine[], productId: string): boolean {
  const line = lines.find((l) => l.productId === productId);
  return line ? line.quantity < maxQuantity : lines.length < maxLines;
}

export function addOne(lines: CartLine[], productId: string): CartLine[] {
  if (!canAdd(lines, productId)) return lines;
  return lines.some((l) => l.productId === productId)
    ? lines.map((l) => (l.productId === productId ? { ...l, quantity: l.quantity + 1 } : l))
    : [...lines, { productId, quantity: 1, note: "" }];
}

/** Sets a line's quantity within 1…maxQuantity; 0 or less removes the line. */
export function setQuantity(lines: CartLine[], productId: string, quantity: number): CartLine[] {
  return lines
    .map((l) => (l.productId === productId ? { ...l, quantity: Math.min(maxQuantity, Math.max(0, quantity)) } : l))
    .filter((l) => l.quantity > 0);
}

export function setNote(lines: CartLine[], productId: string, note: string): CartLine[] {
  return lines.map((l) => (l.productId === productId ? { ...l, note: note.slice(0, noteLength) } : l));
}

/** The `order:place` payload of a submission; blank notes are left out. */
export function placeOrderPayload(s: Submission): PlaceOrderPayload {
  return {
    clientOrderId: s.clientOrderId,
    items: s.lines.map((l) => {
      const note = l.note.trim();
      return note ? { productId: l.productId, quantity: l.quantity, note } : { productId: l.productId, quantity: l.quantity };
    }),
  };
}
