/**
 * Corrections of a bill by staff (issue 32, item 2): voiding a line, comping it (free of
 * charge), discounting a line or the whole bill, and the location's service charge. zod-free:
 * the server checks and records them, every app reads the same rules (who may, what it takes
 * off) to show them. The bill itself is computed in bill.ts from orders, corrections and
 * payments.
 */
import type { StaffRoleName } from "./staff-roles.js";
import { can } from "./staff-roles.js";

export const CORRECTION_KINDS = ["VOID", "COMP", "DISCOUNT"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** 100 % in basis points: percents are whole basis points (12.5 % = 1250). */
export const FULL_BPS = 10_000;

/**
 * The largest discount each role may give on its own, in basis points of what it discounts
 * (a line's or the bill's amount before it); null: any. Beyond it a manager approves on the
 * device (their email and password). Roles without `orders.discount` cannot discount at all.
 */
export const DISCOUNT_LIMIT_BPS: Record<StaffRoleName, number | null> = {
  OWNER: null,
  MANAGER: null,
  SERVER: 1_000,
  KITCHEN: 0,
};

/** The highest service charge a location may set: 30 %. */
export const MAX_SERVICE_CHARGE_BPS = 3_000;

/**
 * `cents × bps / 10000`, rounded half up, in integers only (no float on the way): a 12.5 %
 * service charge on 0.04 is 0.01 (0.005 rounds up), on 0.03 it is 0.00 (0.00375).
 */
export function percentOf(cents: number, bps: number): number {
  return Math.floor((cents * bps + FULL_BPS / 2) / FULL_BPS);
}

/** What a discount takes off `baseCents`: its percent of it (rounded half up), or its amount; never more than the base. */
export function discountOffCents(baseCents: number, d: { percentBps: number | null; amountCents: number | null }): number {
  const off = d.percentBps !== null ? percentOf(baseCents, d.percentBps) : (d.amountCents ?? 0);
  return Math.max(0, Math.min(baseCents, off));
}

/** Whether a role may take `offCents` off `baseCents` as a discount on its own (DISCOUNT_LIMIT_BPS). */
export function discountWithinLimit(role: StaffRoleName, offCents: number, baseCents: number): boolean {
  if (!can(role, "orders.discount")) return false;
  const limit = DISCOUNT_LIMIT_BPS[role];
  if (limit === null) return true;
  // off / base ≤ limit / 10000, cross-multiplied: exact in integers.
  return offCents * FULL_BPS <= limit * baseCents;
}

/**
 * What a correction of a line needs of whoever records it, as the server checks it
 * (corrections/record-correction.ts) and the panel shows it before sending:
 * - a VOID before the kitchen started the line's ticket: any floor role (`floor.serve`);
 * - a VOID after: `orders.void`, as cancelling started food;
 * - a COMP: `orders.comp`;
 * - a DISCOUNT: `orders.discount` within the role's limit.
 * Without it, a manager's approval on the device (someone whose role has it).
 */
export function correctionAllowed(
  role: StaffRoleName,
  c: { kind: CorrectionKind; started: boolean; offCents: number; baseCents: number },
): boolean {
  switch (c.kind) {
    case "VOID":
      return can(role, c.started ? "orders.void" : "floor.serve");
    case "COMP":
      return can(role, "orders.comp");
    case "DISCOUNT":
      return discountWithinLimit(role, c.offCents, c.baseCents);
  }
}

/** Whether a correction needs a reason: every one but the void of a line the kitchen has not started. */
export function correctionNeedsReason(c: { kind: CorrectionKind; started: boolean }): boolean {
  return c.kind !== "VOID" || c.started;
}

/** What the kitchen has done with a line: started once its station's ticket left NEW, or the order is ready or served. */
export function lineStarted(
  order: {
    status: string;
    shipment: { status: string } | null;
    tickets: readonly { stationId: string; status: string }[];
  },
  stationId: string,
): boolean {
  if (order.status === "DELIVERED") return true;
  if (order.shipment && (order.shipment.status === "READY" || order.shipment.status === "DELIVERED")) return true;
  const ticket = order.tickets.find((t) => t.stationId === stationId);
  return ticket !== undefined && ticket.status !== "NEW";
}
