import { OrderDto, SessionDto, type SessionEvent } from "@ordered/contract";

/** Deterministic UUIDs: `id(1)`, `id(2)`… */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const SESSION = id(1);
export const OTHER_SESSION = id(2);
const AT = "2026-11-21T12:00:00.000Z";

/** A session as the REST API sends it; parsed with the contract so fixtures cannot drift. */
export function session(overrides: Partial<SessionDto> = {}): SessionDto {
  return SessionDto.parse({
    id: SESSION,
    label: "Table 1",
    status: "OPEN",
    joinCode: "code",
    joinUrl: "http://127.0.0.1/s/code",
    openedAt: AT,
    closedAt: null,
    lastSeq: 1,
    tableId: null,
    ...overrides,
  });
}

/** A placed order; pass `stage` for a later copy of it. */
export function order(
  n: number,
  stage: "placed" | "accepted" | "preparing" | "ready" | "delivered" | "cancelled" = "placed",
  overrides: Partial<OrderDto> = {},
): OrderDto {
  const shipment = { preparing: "PREPARING", ready: "READY", delivered: "DELIVERED" } as const;
  const status = {
    placed: "PLACED",
    accepted: "ACCEPTED",
    preparing: "ACCEPTED",
    ready: "ACCEPTED",
    delivered: "DELIVERED",
    cancelled: "CANCELLED",
  } as const;
  const ship = stage in shipment ? shipment[stage as keyof typeof shipment] : null;
  return OrderDto.parse({
    id: id(100 + n),
    clientOrderId: `client-order-${n}`,
    sessionId: SESSION,
    customerId: null,
    customerName: null,
    status: status[stage],
    statusReason: stage === "cancelled" ? "Cancelled by staff" : null,
    totalCents: 950,
    currency: "EUR",
    placedAt: `2026-11-21T12:00:${String(n).padStart(2, "0")}.000Z`,
    acceptedAt: stage === "placed" ? null : AT,
    finishedAt: stage === "delivered" || stage === "cancelled" ? AT : null,
    items: [{ productId: id(900), productName: "Margherita", unitPriceCents: 950, quantity: 1, note: null }],
    shipment: ship ? { status: ship, readyAt: ship === "PREPARING" ? null : AT, deliveredAt: ship === "DELIVERED" ? AT : null } : null,
    ...overrides,
  });
}

const envelope = (seq: number, sessionId: string) => ({ sessionId, seq, at: AT });

export const placed = (seq: number, o: OrderDto): SessionEvent => ({ name: "order:placed", ...envelope(seq, o.sessionId), data: o });
export const updated = (seq: number, o: OrderDto): SessionEvent => ({ name: "order:updated", ...envelope(seq, o.sessionId), data: o });
export const opened = (seq: number, s: SessionDto): SessionEvent => ({ name: "session:opened", ...envelope(seq, s.id), data: s });
export const closed = (seq: number, sessionId = SESSION): SessionEvent => ({
  name: "session:closed",
  ...envelope(seq, sessionId),
  data: { closedAt: AT },
});
