import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "../api/http";
import type { CustomerSessionDto, OrderDto, ProductDto } from "@ordered/contract";
import { newer } from "../lib/order-progress";
import { EventStream } from "../realtime/event-stream";
import { watchGaps } from "../realtime/gap-watch";
import { watchNetwork } from "../realtime/network-watch";
import type { SessionEvent } from "@ordered/contract";
import { connectSocket, handleRefusals, onSessionEvents, type AppSocket } from "../realtime/socket";

export type CurrentSession = CustomerSessionDto & { orders: OrderDto[] };

/** Why the live view ended: the table closed, or the token no longer works. */
export type EndReason = "closed" | "unauthenticated";

/**
 * The phone's live view of its table: orders and menu from REST, then a socket that sends
 * the last event number seen (lastSeq) on every (re)connect so nothing is missed.
 */
export function useCustomerLive(token: string, initial: CurrentSession, onEnd: (reason: EndReason) => void) {
  const sessionId = initial.session.id;
  const [orders, setOrders] = useState<Record<string, OrderDto>>(() => Object.fromEntries(initial.orders.map((o) => [o.id, o])));
  const [products, setProducts] = useState<ProductDto[] | null>(null);
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [menuError, setMenuError] = useState<string | null>(null);
  const end = useRef(onEnd);
  end.current = onEnd;
  const listeners = useRef(new Set<(o: OrderDto) => void>());

  const fail = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.code === "SESSION_CLOSED") end.current("closed");
    else if (err instanceof ApiError && err.code === "UNAUTHENTICATED") end.current("unauthenticated");
    else setMenuError(err instanceof Error ? err.message : String(err));
  }, []);

  const loadMenu = useCallback(() => {
    api<{ products: ProductDto[] }>("/menu", { token })
      .then((res) => {
        setProducts(res.products);
        setMenuError(null);
      })
      .catch(fail);
  }, [token, fail]);

  useEffect(() => {
    loadMenu();
    const stream = new EventStream<SessionEvent>();
    stream.seed(sessionId, initial.session.lastSeq);
    const sock = connectSocket(() => ({ token, lastSeq: stream.cursor(sessionId) }));

    const apply = (e: SessionEvent) => {
      if (e.name === "session:closed") return end.current("closed");
      if (e.name === "order:placed" || e.name === "order:updated") {
        setOrders((all) => ({ ...all, [e.data.id]: e.data }));
        listeners.current.forEach((fn) => fn(e.data));
      }
    };
    const offEvents = onSessionEvents(sock, (e) => {
      if (e.sessionId === sessionId) stream.push(e).forEach(apply);
    });
    const offGaps = watchGaps(sock, () => stream.hasGap());
    const offNetwork = watchNetwork(sock);
    sock.on("product:updated", (p) => setProducts((list) => list && list.map((x) => (x.id === p.id ? p : x))));
    const offRefusals = handleRefusals(sock, (e) => end.current(e.code === "SESSION_CLOSED" ? "closed" : "unauthenticated"));
    // Availability changes are not logged: refetch the menu after being away.
    let connectedBefore = false;
    sock.on("connect", () => {
      if (connectedBefore) loadMenu();
      connectedBefore = true;
    });
    setSocket(sock);
    return () => {
      offEvents();
      offGaps();
      offNetwork();
      offRefusals();
      sock.disconnect();
      setSocket(null);
    };
    // initial.session.lastSeq is only the starting cursor; later changes come as events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, sessionId, loadMenu]);

  /** An order from an ack: used unless the event log already moved it further. */
  const orderFromAck = useCallback((order: OrderDto) => setOrders((all) => ({ ...all, [order.id]: newer(all[order.id], order) })), []);

  /** Subscribe to orders arriving by event (e.g. to confirm a submission whose ack was lost). */
  const onOrder = useCallback((fn: (o: OrderDto) => void) => {
    listeners.current.add(fn);
    return () => void listeners.current.delete(fn);
  }, []);

  const sorted = Object.values(orders).sort((a, b) => a.placedAt.localeCompare(b.placedAt));
  return { socket, orders: sorted, products, menuError, orderFromAck, onOrder, fail };
}
