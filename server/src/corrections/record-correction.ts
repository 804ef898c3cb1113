/**
 * Staff correct a bill (issue 32, item 2): void, comp or discount one line (an order's item,
 * named by order id + position), or discount the whole bill. Money is exactly-once, like
 * payments: the staff device makes the id, UNIQUE per session, so a double tap, a retry or two
 * instances record one correction; the same id with other content is a CONFLICT.
 *
 * Under the session row's lock (then the order's: orders/transition.ts has the lock order) the
 * correction's `offCents` is computed once from the line or bill as it is now and stored; the
 * bill (contract billOf) only reads it. Who may (contract corrections.ts correctionAllowed):
 * a void of a line the kitchen has not started is free for floor roles; started food needs
 * `orders.void` and a reason; a comp `orders.comp` and a reason; a discount a reason and the
 * role's limit. Without the right, a manager's approval typed on the device (approval.ts).
 * A correction of a line already paid for that leaves the bill overpaid needs a refund,
 * recorded with it (REFUND_REQUIRED names the amount), as cancelling a paid order does.
 */
import {
  type CorrectionBody,
  type CorrectionDto,
  type CorrectionKind,
  can,
  centsText,
  correctionAllowed,
  correctionNeedsReason,
  DISCOUNT_LIMIT_BPS,
  discountOffCents,
  FULL_BPS,
  forbiddenMessage,
  isBilledOrder,
  type LoggedEvent,
  lineStarted,
  type OrderDto,
  overpaidCents,
  type Permission,
  type StaffRoleName,
} from "@ordered/contract";
import type { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import type { DbEnumValue } from "../db/enums.js";
import { CLOCK, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { loadOrderDto } from "../orders/order-dto.sql.js";
import { lockOrder } from "../orders/transition.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { recordRefund } from "../sessions/payments.js";
import { loadBill, lockSession } from "../sessions/session-extras.sql.js";
import { type Approver, verifyApproval } from "./approval.js";
import { loadCorrectionByClientId } from "./correction-dto.sql.js";

type Input = z.output<typeof CorrectionBody>;

export interface CorrectionResult {
  correction: CorrectionDto;
  /** The corrected line's order as it is now; null for the whole bill. */
  order: OrderDto | null;
  /** What this call logged (none for a repeat): the correction, and a refund if one was due. */
  events: LoggedEvent[];
}

/** What a repeat of a client-made correction id must say again to be the same correction. */
const CONTENT = ["kind", "orderId", "position", "percentBps", "amountCents", "reason"] as const;

function assertSameContent(stored: CorrectionDto, input: Input): void {
  const differ = CONTENT.filter((f) => (stored[f] ?? null) !== (input[f] ?? null));
  if (differ.length > 0) {
    throw new AppError(
      "CONFLICT",
      `correction ${stored.clientCorrectionId} was already recorded with another ${differ.join(", ")}: a new correction needs a new id`,
    );
  }
}

/** What the correction applies to, as it is under the lock. */
interface Target {
  /** What it is taken off: the line's or the bill's amount now. */
  baseCents: number;
  started: boolean;
  order: OrderDto | null;
  what: string;
}

export async function recordCorrection(
  deps: Pick<AppDeps, "prisma" | "tokens" | "limiters">,
  staff: StaffPrincipal,
  sessionId: string,
  input: Input,
): Promise<CorrectionResult> {
  // Checked before the transaction (argon2 takes a while; the session's lock is not held for it).
  const approver = input.approval ? await verifyApproval(deps, staff.locationId, input.approval) : null;
  return sqlTransaction(deps.prisma, async (db) => {
    const session = await lockSession(db, sessionId, staff.locationId);
    const existing = await loadCorrectionByClientId(db, sessionId, input.clientCorrectionId);
    if (existing) {
      assertSameContent(existing, input);
      const order = existing.orderId ? await loadOrderDto(db, { id: existing.orderId }) : null;
      return { correction: existing, order, events: [] };
    }
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", `${session.label} is closed: its bill can no longer change`);
    const target = input.orderId !== undefined ? await lineTarget(db, sessionId, input) : await billTarget(db, sessionId);
    const offCents =
      input.kind === "DISCOUNT"
        ? discountOff(target, input)
        : // A void or a comp takes what the line still costs.
          target.baseCents;
    if (correctionNeedsReason({ kind: input.kind, started: target.started }) && !input.reason) {
      throw new AppError("VALIDATION_FAILED", `body.reason: say why (${reasonFor(input.kind, target.started)})`);
    }
    const facts = { kind: input.kind, started: target.started, offCents, baseCents: target.baseCents };
    const approvedBy = authorise(staff.role, approver, facts);
    await db.run(INSERT, {
      sessionId,
      clientCorrectionId: input.clientCorrectionId,
      orderId: input.orderId ?? null,
      position: input.position ?? null,
      kind: input.kind,
      percentBps: input.percentBps ?? null,
      amountCents: input.amountCents ?? null,
      offCents,
      reason: input.reason ?? null,
      byId: staff.staffId,
      approvedById: approvedBy?.staffId ?? null,
    });
    const correction = await loadCorrectionByClientId(db, sessionId, input.clientCorrectionId);
    if (!correction) throw new Error("the correction just inserted is not there");
    const events: LoggedEvent[] = [];
    let order: OrderDto | null = null;
    if (correction.orderId) {
      order = await loadOrderDto(db, { id: correction.orderId });
      if (!order) throw new Error(`order ${correction.orderId} vanished under its lock`);
      const logged = await appendJsonEvent(db, "order.corrected", sessionId, { order, correction });
      if (!logged.event) throw new Error("the correction was not logged");
      events.push(logged.event);
    } else {
      const logged = await appendJsonEvent(db, "bill.discounted", sessionId, correction);
      if (!logged.event) throw new Error("the correction was not logged");
      events.push(logged.event);
    }
    const refund = await refundOverpayment(db, staff, sessionId, input, `${correction.kind}: ${correction.reason ?? target.what}`);
    if (refund) events.push(refund);
    return { correction, order, events };
  });
}

function reasonFor(kind: CorrectionKind, started: boolean): string {
  if (kind === "VOID") return started ? "the kitchen has started this line" : "a void";
  return kind === "COMP" ? "a comp is money given away" : "a discount is money given away";
}

/**
 * Who the correction is recorded as approved by: nobody when the account may do it itself,
 * else the approver, who must be allowed it. FORBIDDEN names what is missing.
 */
function authorise(role: StaffRoleName, approver: Approver | null, facts: Parameters<typeof correctionAllowed>[1]): Approver | null {
  if (correctionAllowed(role, facts)) return approver && correctionAllowed(approver.role, facts) ? approver : null;
  const need = needed(facts);
  if (!approver) throw new AppError("FORBIDDEN", `${need(role)}: ask a manager to approve it on this device`);
  if (!correctionAllowed(approver.role, facts)) throw new AppError("FORBIDDEN", `the approver's ${need(approver.role)}`);
  return approver;
}

const needed =
  (facts: Parameters<typeof correctionAllowed>[1]) =>
  (role: StaffRoleName): string => {
    if (facts.kind === "DISCOUNT" && can(role, "orders.discount")) {
      const limit = DISCOUNT_LIMIT_BPS[role] ?? FULL_BPS;
      return `a ${role} account may give discounts up to ${limit / 100} % on its own`;
    }
    const permission: Permission =
      facts.kind === "VOID" ? (facts.started ? "orders.void" : "floor.serve") : facts.kind === "COMP" ? "orders.comp" : "orders.discount";
    return forbiddenMessage(role, permission);
  };

function discountOff(target: Target, input: Input): number {
  if (target.baseCents === 0) throw new AppError("CONFLICT", `${target.what} costs nothing now: there is nothing to discount`);
  if (input.amountCents !== undefined && input.amountCents > target.baseCents) {
    throw new AppError("VALIDATION_FAILED", `body.amountCents: more than ${target.what} costs now`);
  }
  return discountOffCents(target.baseCents, { percentBps: input.percentBps ?? null, amountCents: input.amountCents ?? null });
}

async function lineTarget(db: SqlRunner, sessionId: string, input: Input): Promise<Target> {
  const orderId = input.orderId ?? "";
  const locked = await lockOrder(db, orderId);
  if (!locked || locked.session_id !== sessionId) throw AppError.notFound("order");
  const order = await loadOrderDto(db, { id: orderId });
  if (!order) throw AppError.notFound("order");
  const item = order.items.find((i) => i.position === input.position);
  if (!item) throw AppError.notFound("line");
  const what = `line ${item.position + 1} (${item.quantity}× ${item.productName})`;
  if (!isBilledOrder(order)) {
    throw new AppError(
      "CONFLICT",
      `this order is ${order.status.toLowerCase()}: only lines of accepted or delivered orders are on the bill to correct`,
    );
  }
  const ended = item.corrections.find((c) => c.kind !== "DISCOUNT");
  if (ended) throw new AppError("CONFLICT", `${what} was already ${ended.kind === "VOID" ? "voided" : "comped"} by ${ended.by ?? "staff"}`);
  const gross = item.unitPriceCents * item.quantity;
  const baseCents = Math.max(0, gross - item.corrections.reduce((sum, c) => sum + c.offCents, 0));
  return { baseCents, started: lineStarted(order, item.stationId), order, what };
}

async function billTarget(db: SqlRunner, sessionId: string): Promise<Target> {
  const { bill } = await loadBill(db, sessionId);
  return { baseCents: bill.subtotalCents - bill.billDiscountCents, started: false, order: null, what: "the bill" };
}

const INSERT = statement<{
  sessionId: string;
  clientCorrectionId: string;
  orderId: string | null;
  position: number | null;
  kind: DbEnumValue<"CorrectionKind">;
  percentBps: number | null;
  amountCents: number | null;
  offCents: number;
  reason: string | null;
  byId: string;
  approvedById: string | null;
}>(
  "corrections.insert",
  (p) => sql`
    INSERT INTO correction (id, session_id, client_correction_id, order_id, position, kind, percent_bps, amount_cents, off_cents,
                            reason, by_id, approved_by_id, at)
    VALUES (gen_random_uuid(), ${p.sessionId}::uuid, ${p.clientCorrectionId}, ${p.orderId}::uuid, ${p.position}::int,
            ${p.kind}::"CorrectionKind", ${p.percentBps}::int, ${p.amountCents}::int, ${p.offCents}, ${p.reason},
            ${p.byId}::uuid, ${p.approvedById}::uuid, ${CLOCK})`,
);

/**
 * After the correction, under the session's lock: a bill now paid for more than it owes
 * needs the difference given back, recorded with the correction (its `refund` says how),
 * or the correction is refused with REFUND_REQUIRED (and rolled back).
 */
async function refundOverpayment(
  db: SqlRunner,
  staff: StaffPrincipal,
  sessionId: string,
  input: Input,
  note: string,
): Promise<LoggedEvent<"payment.recorded"> | null> {
  const { bill } = await loadBill(db, sessionId);
  const over = overpaidCents(bill);
  if (over === 0) return null;
  if (!input.refund) {
    throw new AppError(
      "REFUND_REQUIRED",
      `${centsText(over, bill.currency)} was paid for what this takes off the bill: give it back and record the refund with the correction`,
    );
  }
  return recordRefund(db, staff, sessionId, { ...input.refund, amountCents: over, note: note.slice(0, 80) });
}
