/**
 * A manager gives money back from one payment, whole or part, with a reason (issue 33). Paid
 * on a phone: the provider refunds it, under the staff device's id as its idempotency key, so
 * a retry — also after the server died between the provider's answer and the record — refunds
 * once and records once. Cash or card at the terminal: recorded (the money leaves the till).
 * The refund lowers the bill's total as well as what was paid (billOf: paymentRefundsCents),
 * so a settled bill stays settled and the day's takings drop by what was given back.
 */
import { centsText, type PaymentDto, type RefundBody } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { insertPayment } from "../sessions/payments.js";
import { loadPaymentByClientId, loadPayments, lockSession } from "../sessions/session-extras.sql.js";
import { providerAccount } from "./payment-account.js";
import { ProviderRefusal } from "./provider.js";

type Input = z.output<typeof RefundBody>;
type Deps = Pick<AppDeps, "prisma" | "payments" | "publisher" | "log">;

function sameRefund(stored: PaymentDto, input: Input): PaymentDto {
  const differ = [
    stored.kind !== "REFUND" && "kind",
    stored.refundOf !== input.paymentId && "paymentId",
    stored.amountCents !== input.amountCents && "amountCents",
    stored.note !== input.reason && "reason",
  ].filter(Boolean);
  if (differ.length > 0) {
    throw new AppError(
      "CONFLICT",
      `${stored.clientPaymentId} was already recorded with another ${differ.join(", ")}: a new refund needs a new id`,
    );
  }
  return stored;
}

/** The payment and what is left of it to refund, under the session's lock. */
async function refundable(db: SqlRunner, sessionId: string, paymentId: string): Promise<{ payment: PaymentDto; leftCents: number }> {
  const payments = await loadPayments(db, { sessionId });
  const payment = payments.find((p) => p.id === paymentId && p.kind === "PAYMENT");
  if (!payment) throw AppError.notFound("payment");
  const refunded = payments.filter((p) => p.refundOf === paymentId).reduce((sum, p) => sum + p.amountCents, 0);
  return { payment, leftCents: payment.amountCents - refunded };
}

export async function refundPayment(deps: Deps, staff: StaffPrincipal, sessionId: string, input: Input): Promise<PaymentDto> {
  const checked = await sqlTransaction(deps.prisma, async (db) => {
    const session = await lockSession(db, sessionId, staff.locationId);
    const existing = await loadPaymentByClientId(db, sessionId, input.clientRefundId);
    if (existing) return { repeat: sameRefund(existing, input), payment: null };
    // A closed bill is a receipt handed out and counted in its day's report: it no longer changes.
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", `${session.label} is closed: its receipt can no longer change`);
    const { payment, leftCents } = await refundable(db, sessionId, input.paymentId);
    if (input.amountCents > leftCents) {
      throw new AppError(
        "VALIDATION_FAILED",
        `body.amountCents: only ${centsText(leftCents, await currencyOf(db, sessionId))} of this payment is left to refund`,
      );
    }
    return { payment, repeat: null };
  });
  if (checked.repeat) return checked.repeat;
  const original = checked.payment;
  if (!original) throw new Error("unreachable: a refund without its payment");

  let providerRef: string | null = null;
  if (original.method === "ONLINE") {
    if (!original.providerRef) throw new Error(`online payment ${original.id} has no provider reference`);
    const account = await providerAccount(sqlOn(deps.prisma), staff.locationId);
    if (!account)
      throw new AppError(
        "PAYMENTS_OFF",
        "this location has no payment provider account any more: set its keys again to refund a payment made on a phone",
      );
    try {
      const refund = await deps.payments(account).refund({
        idempotencyKey: `ordered-refund-${sessionId}-${input.clientRefundId}`,
        paymentRef: original.providerRef,
        amountCents: input.amountCents,
        metadata: {
          ordered_session: sessionId,
          ordered_payment: original.id,
          clientRefundId: input.clientRefundId,
          reason: input.reason.slice(0, 400),
        },
      });
      providerRef = refund.id;
    } catch (err) {
      if (err instanceof ProviderRefusal) throw new AppError("PROVIDER_FAILED", err.message);
      deps.log.warn({ err, payment: original.id }, "the payment provider could not be reached for a refund");
      throw new AppError("PROVIDER_FAILED", "the payment service could not be reached: retry the refund (it will not be refunded twice)");
    }
  }

  const { payment, event } = await sqlTransaction(deps.prisma, async (db) => {
    await lockSession(db, sessionId, staff.locationId);
    const existing = await loadPaymentByClientId(db, sessionId, input.clientRefundId);
    if (existing) return { payment: sameRefund(existing, input), event: null };
    // Closed between Stripe's refund and this record: the money did go back, so it is recorded
    // (and logged for a person to see); only a new refund is refused on a closed bill.
    const { leftCents } = await refundable(db, sessionId, input.paymentId);
    // Only a cash or card refund can get here over the limit (the provider refuses more than is left).
    if (input.amountCents > leftCents) throw new AppError("CONFLICT", "this payment was refunded meanwhile: reload and check what is left");
    return insertPayment(
      db,
      staff,
      sessionId,
      input.clientRefundId,
      {
        kind: "REFUND",
        method: original.method,
        amountCents: input.amountCents,
        tipCents: 0,
        customerId: original.customerId,
        payer: original.payer,
        note: input.reason,
      },
      { providerRef, refundOf: original.id },
    );
  });
  if (event) deps.publisher.sessionEvent(staff.locationId, event);
  return payment;
}

const Currency = z.strictObject({ currency: z.string() });
const CURRENCY = statement<{ sessionId: string }>(
  "refund.currency",
  (p) => sql`SELECT l.currency FROM order_session s JOIN location l ON l.id = s.location_id WHERE s.id = ${p.sessionId}::uuid`,
);

async function currencyOf(db: SqlRunner, sessionId: string): Promise<string> {
  return (await db.row(Currency, CURRENCY, { sessionId }))?.currency ?? "";
}
