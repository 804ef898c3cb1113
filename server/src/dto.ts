/**
 * Prisma rows → the contract's DTOs, for the paths that read through Prisma's model API.
 * (Orders and products are built by SQL: orders/order-dto.sql.ts, products/product-dto.sql.ts.)
 */
import type { LocationDto, SessionDto } from "@ordered/contract";
import type { Db } from "./db/prisma.js";

export const toLocationDto = (l: Db.Location): LocationDto => ({
  id: l.id,
  name: l.name,
  currency: l.currency,
  openOnFirstScan: l.openOnFirstScan,
  cardJoinCheck: l.cardJoinCheck,
  timeZone: l.timeZone,
  ticketAmberMinutes: l.ticketAmberMinutes,
  ticketRedMinutes: l.ticketRedMinutes,
});

export const toSessionDto = (
  s: Pick<Db.OrderSession, "id" | "label" | "status" | "joinCode" | "openedAt" | "closedAt" | "lastSeq" | "tableId" | "pin">,
  publicUrl: string,
): SessionDto => ({
  id: s.id,
  label: s.label,
  status: s.status,
  joinCode: s.joinCode,
  joinUrl: `${publicUrl}/s/${s.joinCode}`,
  openedAt: s.openedAt.toISOString(),
  closedAt: s.closedAt ? s.closedAt.toISOString() : null,
  lastSeq: s.lastSeq,
  tableId: s.tableId,
  pin: s.pin,
});
