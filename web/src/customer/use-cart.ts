import { useCallback, useEffect, useRef, useState } from "react";
import { LIMITS, type OrderDto } from "@ordered/contract";
import { command, CommandError } from "../realtime/command";
import type { AppSocket } from "../realtime/socket";
import { customerStorage, type CartLine, type SavedCart, type Submission } from "./customer-storage";

/** How long to wait for an order's ack before sending it again (same clientOrderId). */
const ACK_TIMEOUT_MS = 6000;

interface Deps {
  code: string;
  socket: AppSocket | null;
  orderFromAck: (o: OrderDto) => void;
  onOrder: (fn: (o: OrderDto) => void) => () => void;
  onClosed: () => void;
}

/**
 * The cart and its submission. Placing an order freezes the cart into a submission with a
 * fresh clientOrderId; it is sent, and re-sent after a timeout or a reconnect, until an ack
 * (or the order's own event) confirms it. The server stores one order per clientOrderId, so
 * double taps and retries never make two orders.
 */
export function useCart({ code, socket, orderFromAck, onOrder, onClosed }: Deps) {
  const [cart, setCart] = useState<SavedCart>(() => customerStorage.cart(code));
  const [error, setError] = useState<string | null>(null);
  const closed = useRef(onClosed);
  closed.current = onClosed;

  useEffect(() => customerStorage.saveCart(code, cart), [code, cart]);

  const edit = useCallback((fn: (lines: CartLine[]) => CartLine[]) => {
    setCart((c) => (c.submission ? c : { ...c, lines: fn(c.lines).filter((l) => l.quantity > 0) }));
  }, []);

  const add = (productId: string) =>
    edit((lines) =>
      lines.some((l) => l.productId === productId)
        ? lines.map((l) => (l.productId === productId ? { ...l, quantity: l.quantity + 1 } : l))
        : [...lines, { productId, quantity: 1, note: "" }],
    );
  const setQuantity = (productId: string, quantity: number) =>
    edit((lines) => lines.map((l) => (l.productId === productId ? { ...l, quantity: Math.max(0, Math.min(LIMITS.order.maxQuantity, quantity)) } : l)));
  const setNote = (productId: string, note: string) => edit((lines) => lines.map((l) => (l.productId === productId ? { ...l, note } : l)));

  /** Freezes the cart into a submission; a second call while one is pending does nothing. */
  const place = useCallback(() => {
    setError(null);
    setCart((c) => (c.submission || c.lines.length === 0 ? c : { ...c, submission: { clientOrderId: crypto.randomUUID(), lines: c.lines } }));
  }, []);

  const confirmed = useCallback((clientOrderId: string) => {
    setCart((c) => (c.submission?.clientOrderId === clientOrderId ? { lines: [], submission: null } : c));
  }, []);

  // The order's own event confirms the submission too (e.g. the ack was lost in a disconnect).
  const pendingId = cart.submission?.clientOrderId;
  useEffect(() => (pendingId ? onOrder((o) => o.clientOrderId === pendingId && confirmed(pendingId)) : undefined), [pendingId, onOrder, confirmed]);

  const submission = cart.submission;
  useEffect(() => {
    if (!socket || !submission) return;
    let stopped = false;
    void send(socket, submission, () => stopped).then((result) => {
      if (stopped || !result) return;
      if (result.order) {
        orderFromAck(result.order);
        confirmed(submission.clientOrderId);
      } else if (result.error?.code === "SESSION_CLOSED") {
        closed.current();
      } else if (result.error) {
        // Refused for good (e.g. sold out): unfreeze the cart so it can be changed and re-sent.
        setError(result.error.message);
        setCart((c) => (c.submission?.clientOrderId === submission.clientOrderId ? { ...c, submission: null } : c));
      }
    });
    return () => {
      stopped = true;
    };
  }, [socket, submission, orderFromAck, confirmed]);

  return { lines: cart.lines, submission: cart.submission, error, add, setQuantity, setNote, place };
}

/** Sends until acked; waits for the connection when there is none. */
async function send(socket: AppSocket, s: Submission, stopped: () => boolean): Promise<{ order?: OrderDto; error?: CommandError } | null> {
  const payload = {
    clientOrderId: s.clientOrderId,
    items: s.lines.map((l) => (l.note.trim() ? { productId: l.productId, quantity: l.quantity, note: l.note.trim() } : { productId: l.productId, quantity: l.quantity })),
  };
  while (!stopped()) {
    if (!socket.connected) {
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      continue;
    }
    try {
      return { order: (await command(socket, "order:place", payload, ACK_TIMEOUT_MS)).order };
    } catch (err) {
      const transient = err instanceof CommandError && (err.code === "TIMEOUT" || err.code === "UNAVAILABLE" || err.code === "RATE_LIMITED");
      if (!transient) return { error: err as CommandError };
      // No ack in time (connection dropped, server slow or busy): send again, same id.
      if ((err as CommandError).code !== "TIMEOUT") await new Promise((r) => setTimeout(r, 2000));
    }
  }
  return null;
}
