import type { OrderDto } from "@ordered/contract/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { t } from "../i18n/i18n";
import { CommandError } from "../realtime/command";
import { useCommands } from "../realtime/live-context";
import { addLine, addLines, canAdd, confirmAllergy, type NewLine, placeOrderPayload, priceKey, setNote, setQuantity } from "./cart";
import { type CartLine, customerStorage, type SavedCart } from "./customer-storage";
import { type EndReason, endReasonOf } from "./phone-flow";

interface Deps {
  /** Where the cart is kept (customer-storage's entryKey). */
  storageKey: string;
  /** The table's orders from the live state: the submitted one showing up there confirms it. */
  orders: OrderDto[];
  /** The session ended for this phone (closed, or staff removed it) while sending. */
  onEnd: (reason: EndReason) => void;
  /** The server priced a line otherwise than the phone showed: read the menu again. */
  onPriceChanged: () => void;
  /** The order was refused until this phone shows it is at the table (PRESENCE_REQUIRED); the cart is kept. */
  onPresenceRequired: () => void;
}

/**
 * The cart and its submission. Placing an order freezes the cart into a submission with a
 * fresh clientOrderId; it is sent, and sent again after a lost ack or a reconnect, until the
 * order shows up in the live state (through its ack or its own event). The server stores
 * one order per clientOrderId, so double taps and retries never make two orders.
 */
export function useCart({ storageKey, orders, onEnd, onPriceChanged, onPresenceRequired }: Deps) {
  const commands = useCommands();
  const [cart, setCart] = useState<SavedCart>(() => customerStorage.cart(storageKey));
  const [error, setError] = useState<string | null>(null);
  // The clientOrderId of the order this phone just placed (its confirmation shows in the cart), until the guest moves on.
  const [placed, setPlaced] = useState<string | null>(null);
  const ended = useRef(onEnd);
  ended.current = onEnd;
  const priceChanged = useRef(onPriceChanged);
  priceChanged.current = onPriceChanged;
  const presenceRequired = useRef(onPresenceRequired);
  presenceRequired.current = onPresenceRequired;

  useEffect(() => customerStorage.saveCart(storageKey, cart), [storageKey, cart]);

  const edit = useCallback((fn: (lines: CartLine[]) => CartLine[]) => {
    setCart((c) => (c.submission ? c : { ...c, lines: fn(c.lines) }));
  }, []);

  /**
   * Freezes the cart into a submission, with the unit price the phone shows for each line
   * (`priceOf`; undefined for a product it no longer knows); a second call while one is
   * pending does nothing.
   */
  const place = useCallback((priceOf: (line: CartLine) => number | undefined) => {
    setError(null);
    setPlaced(null);
    setCart((c) => {
      if (c.submission || c.lines.length === 0) return c;
      const prices: Record<string, number> = {};
      for (const l of c.lines) {
        const shown = priceOf(l);
        if (shown !== undefined) prices[priceKey(l)] = shown;
      }
      return { ...c, submission: { clientOrderId: crypto.randomUUID(), lines: c.lines, prices } };
    });
  }, []);

  const submission = cart.submission;
  const pendingId = submission?.clientOrderId;
  const arrived = pendingId !== undefined && orders.some((o) => o.clientOrderId === pendingId);
  useEffect(() => {
    if (!arrived || !pendingId) return;
    setCart((c) => (c.submission?.clientOrderId === pendingId ? { lines: [], submission: null } : c));
    setPlaced(pendingId);
  }, [arrived, pendingId]);

  useEffect(() => {
    if (!commands.ready || !submission || arrived) return;
    const abort = new AbortController();
    // Success needs no handling here: the ack puts the order into the live state.
    commands.sendUntilAnswered("order:place", placeOrderPayload(submission), abort.signal).catch((err: unknown) => {
      if (abort.signal.aborted) return;
      const reason = err instanceof CommandError ? endReasonOf(err.code) : null;
      if (reason) return ended.current(reason);
      const unfreeze = () => setCart((c) => (c.submission?.clientOrderId === submission.clientOrderId ? { ...c, submission: null } : c));
      if (err instanceof CommandError && err.code === "PRESENCE_REQUIRED") {
        // Not an error of the order: the same cart goes once the phone has shown it is at the table.
        unfreeze();
        return presenceRequired.current();
      }
      // Refused for good (e.g. sold out): unfreeze the cart so it can be changed and sent again.
      // A price changed: the menu is read again, the cart shows the prices now, the guest decides.
      if (err instanceof CommandError && err.code === "PRICE_CHANGED") {
        priceChanged.current();
        setError(t("customer.priceChanged"));
      } else setError(err instanceof Error ? err.message : String(err));
      unfreeze();
    });
    return () => abort.abort();
  }, [commands, submission, arrived]);

  return {
    lines: cart.lines,
    submission,
    error,
    canAdd: (item: NewLine) => canAdd(cart.lines, item),
    /** Adds a choice (a product, its options, a note, how many): to its line when there is one. */
    add: (item: NewLine) => {
      setPlaced(null);
      edit((lines) => addLine(lines, item));
    },
    /** Lines of a refused order, back into the cart (what still fits). */
    putBack: (items: readonly NewLine[]) => {
      setPlaced(null);
      setError(null);
      edit((lines) => addLines(lines, items));
    },
    /** The order this phone just placed (its clientOrderId), for the confirmation; null once the guest moves on. */
    placed,
    dismissPlaced: () => setPlaced(null),
    setQuantity: (lineId: string, quantity: number) => edit((lines) => setQuantity(lines, lineId, quantity)),
    setNote: (lineId: string, note: string) => edit((lines) => setNote(lines, lineId, note)),
    /** The guest orders a line that goes against their declared allergies anyway. */
    confirmAllergy: (lineId: string) => edit((lines) => confirmAllergy(lines, lineId)),
    place,
  };
}
