/**
 * The JSON shapes the API and the sockets send. Imported as types by web/ so the
 * two cannot drift. Money is integer cents; times are ISO 8601 strings.
 */
import type { Db } from "./db/prisma.js";

export type OrderStatus = "PLACED" | "ACCEPTED" | "REJECTED" | "DELIVERED" | "CANCELLED" | "FAILED";
export type ShipmentStatus = "PREPARING" | "READY" | "DELIVERED" | "CANCELLED";
export type SessionStatus = "OPEN" | "CLOSED";

export interface LocationDto {
  id: string;
  name: string;
  currency: string;
}

export interface StaffDto {
  id: string;
  email: string;
  displayName: string;
  role: "OWNER" | "STAFF";
  location: LocationDto;
}

export interface ProductDto {
  id: string;
  name: string;
  description: string;
  category: string;
  priceCents: number;
  currency: string;
  available: boolean;
  /** null when stock is not tracked. */
  stock: number | null;
}

export interface SessionDto {
  id: string;
  label: string;
  status: SessionStatus;
  joinCode: string;
  joinUrl: string;
  openedAt: string;
  closedAt: string | null;
  /** Sequence number of the last event in this session's log. */
  lastSeq: number;
}

export interface QrDto {
  joinUrl: string;
  svg: string;
  pngDataUrl: string;
}

export interface OrderItemDto {
  productId: string;
  productName: string;
  unitPriceCents: number;
  quantity: number;
  note: string | null;
}

export interface ShipmentDto {
  status: ShipmentStatus;
  readyAt: string | null;
  deliveredAt: string | null;
}

export interface OrderDto {
  id: string;
  clientOrderId: string;
  sessionId: string;
  customerId: string | null;
  customerName: string | null;
  status: OrderStatus;
  statusReason: string | null;
  totalCents: number;
  currency: string;
  placedAt: string;
  acceptedAt: string | null;
  finishedAt: string | null;
  items: OrderItemDto[];
  shipment: ShipmentDto | null;
}

/** A customer's view of the session they joined. */
export interface CustomerSessionDto {
  session: { id: string; label: string; status: SessionStatus; lastSeq: number };
  location: LocationDto;
  customer: { id: string; displayName: string | null };
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toLocationDto = (l: Db.Location): LocationDto => ({ id: l.id, name: l.name, currency: l.currency });

export const toProductDto = (p: Db.Product): ProductDto => ({
  id: p.id,
  name: p.name,
  description: p.description,
  category: p.category,
  priceCents: p.priceCents,
  currency: p.currency,
  available: p.available,
  stock: p.stock,
});

export const toSessionDto = (s: Db.OrderSession, publicUrl: string): SessionDto => ({
  id: s.id,
  label: s.label,
  status: s.status,
  joinCode: s.joinCode,
  joinUrl: joinUrlFor(publicUrl, s.joinCode),
  openedAt: s.openedAt.toISOString(),
  closedAt: iso(s.closedAt),
  lastSeq: s.lastSeq,
});

export const joinUrlFor = (publicUrl: string, joinCode: string): string => `${publicUrl}/s/${joinCode}`;
