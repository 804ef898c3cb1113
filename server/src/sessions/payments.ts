/**
 * Staff record what a session paid, and what was given back. A payment carries an id made
 * by the staff device: the same id twice (double tap, a retry, two instances) records one
 * payment, and a repeat that says something else (another amount, method, tip, phone or
 * note) is a CONFLICT, never silently the first. Under the session row's lock the bill is
 * recomputed and a payment larger than what is due is refused, so two devices paying the
 * last euros at once cannot overpay.
 */

import { centsText, type LoggedEvent, type PaymentDto, parsePayer, type RecordPaymentBody } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import { type DbEnumValue, label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { loadBill, loadPaymentByClientId, lockSession } from "./session-extras.sql.js";

const OPEN = label("CheckoutStatus", "OPEN");

const Phone = z.strictObject({ id: z.uuid() });

type PaymentInput = Omit<RecordPaymentBody, "tipCents"> & { tipCents: number };

/** What a repeat of a client-made payment id must say again to be the same payment. */
export type PaymentContent = Pick<PaymentDto, "kind" | "method" | "amountCents" | "tipCents" | "customerId" | "note" | "payer">;

/** The differences between a stored payment and a repeat of its id, named for the CONFLICT message. */
function differences(stored: PaymentDto, repeat: PaymentContent): string[] {
  const fields = ["kind", "method", "amountCents", "tipCents", "customerId", "note", "payer"] as const;
  return fields.filter((f) => (stored[f] ?? null) !== (repeat[f] ?? null));
}

function assertSameContent(stored: PaymentDto, repeat: PaymentContent): PaymentDto {
  const differ = differences(stored, repeat);
  if (differ.length > 0) {
    throw new AppError(
      "CONFLICT",
      `payment ${stored.clientPaymentId} was already recorded with another ${differ.join(", ")}: a new payment needs a new id`,
    );
  }
  return stored;
}

const Reserved = z.strictObject({ cents: z.number().int() });
const RESERVED_SQL = statement<{ sessionId: string }>(
  "payments.reserved-on-phones",
  (p) =>
    sql`SELECT coalesce(sum(amount_cents), 0)::int AS cents FROM checkout WHERE session_id = ${p.sessionId}::uuid AND status = ${OPEN}`,
);

/** What guests are paying on their phones right now (OPEN checkouts, payments/checkout.ts): reserved for them. */
export async function reservedOnPhones(db: SqlRunner, sessionId: string): Promise<number> {
  return (await db.row(Reserved, RESERVED_SQL, { sessionId }))?.cents ?? 0;
}

const RECORD_PAYMENT_SQL = statement<{ customerId: string; sessionId: string }>(
  "payments.record-payment",
  (p) => sql`SELECT id FROM customer WHERE id = ${p.customerId}::uuid AND session_id = ${p.sessionId}::uuid`,
);

/**
 * Whom a payment is for: a phone (customerId, or payer `phone:<id>`: the same), a seat or a
 * person of a split by item (payer), or the table (neither).
 */
function payerOf(input: PaymentInput): Pick<PaymentContent, "customerId" | "payer"> {
  const payer = input.payer ? parsePayer(input.payer) : null;
  if (!payer) return { customerId: input.customerId ?? null, payer: input.customerId ? `phone:${input.customerId}` : null };
  if (payer.kind === "phone") {
    if (input.customerId && input.customerId !== payer.customerId) {
      throw new AppError("VALIDATION_FAILED", "payer: names another phone than customerId: give one of them");
    }
    return { customerId: payer.customerId, payer: input.payer ?? null };
  }
  if (input.customerId) throw new AppError("VALIDATION_FAILED", `payer: a payment is for one payer: ${input.payer} or a phone, not both`);
  return { customerId: null, payer: input.payer ?? null };
}

export async function recordPayment(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  sessionId: string,
  input: PaymentInput,
): Promise<{ payment: PaymentDto; event: LoggedEvent<"payment.recorded"> | null }> {
  const content: PaymentContent = {
    kind: "PAYMENT",
    method: input.method,
    amountCents: input.amountCents,
    tipCents: input.tipCents,
    ...payerOf(input),
    note: input.note ?? null,
  };
  return sqlTransaction(prisma, async (db) => {
    const session = await lockSession(db, sessionId, staff.locationId);
    const existing = await paymentById(db, sessionId, input.clientPaymentId);
    if (existing) return { payment: assertSameContent(existing, content), event: null };
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", `${session.label} is closed: its bill can no longer change`);
    if (content.customerId) {
      const phone = await db.row(Phone, RECORD_PAYMENT_SQL, { customerId: content.customerId, sessionId });
      if (!phone) throw AppError.notFound("phone");
    }
    const { bill } = await loadBill(db, sessionId);
    if (input.amountCents > bill.dueCents) {
      throw new AppError(
        "OVERPAYMENT",
        `only ${centsText(bill.dueCents, bill.currency)} is due at ${session.label}: record at most that, and any tip apart`,
      );
    }
    // What guests are paying on their phones right now (payments/checkout.ts) is theirs to pay.
    const onPhones = await reservedOnPhones(db, sessionId);
    if (onPhones > 0 && input.amountCents > bill.dueCents - onPhones) {
      throw new AppError(
        "OVERPAYMENT",
        `${centsText(onPhones, bill.currency)} of ${session.label}'s bill is being paid on a phone right now: record at most ` +
          `${centsText(Math.max(0, bill.dueCents - onPhones), bill.currency)}, or wait until that payment ends`,
      );
    }
    return insertPayment(db, staff, sessionId, input.clientPaymentId, content);
  });
}

/**
 * Records money given back, in the caller's transaction (which holds the session's lock):
 * a cancelled order that had been paid for (orders/cancel-order.ts). Logged as
 * `payment.recorded` with kind REFUND, so every screen's bill follows.
 */
export async function recordRefund(
  db: SqlRunner,
  staff: StaffPrincipal,
  sessionId: string,
  input: { clientPaymentId: string; method: PaymentDto["method"]; amountCents: number; note: string },
): Promise<LoggedEvent<"payment.recorded"> | null> {
  const content: PaymentContent = {
    kind: "REFUND",
    method: input.method,
    amountCents: input.amountCents,
    tipCents: 0,
    customerId: null,
    note: input.note,
    payer: null,
  };
  const existing = await paymentById(db, sessionId, input.clientPaymentId);
  if (existing) {
    throw new AppError("CONFLICT", `payment ${input.clientPaymentId} was already recorded: a refund needs an id of its own`);
  }
  return (await insertPayment(db, staff, sessionId, input.clientPaymentId, content)).event;
}

async function paymentById(db: SqlRunner, sessionId: string, clientPaymentId: string): Promise<PaymentDto | undefined> {
  const payment = await loadPaymentByClientId(db, sessionId, clientPaymentId);
  return payment;
}

const INSERT_PAYMENT_SQL = statement<{
  sessionId: string;
  clientPaymentId: string;
  kind: DbEnumValue<"PaymentKind">;
  method: DbEnumValue<"PaymentMethod">;
  amountCents: number;
  tipCents: number;
  customerId: string | null;
  note: string | null;
  payer: string | null;
  staffId: string | null;
  providerRef: string | null;
  refundOf: string | null;
}>(
  "payments.insert-payment",
  (p) => sql`
    INSERT INTO payment (id, session_id, client_payment_id, kind, method, amount_cents, tip_cents, customer_id, note, payer, recorded_at, recorded_by_id,
                         provider_ref, refund_of_id)
    VALUES (gen_random_uuid(), ${p.sessionId}::uuid, ${p.clientPaymentId}, ${p.kind}::"PaymentKind", ${p.method}::"PaymentMethod", ${p.amountCents},
            ${p.tipCents}, ${p.customerId}::uuid, ${p.note}, ${p.payer}, ${CLOCK}, ${p.staffId}::uuid, ${p.providerRef}, ${p.refundOf}::uuid)`,
);

/** Who recorded a payment: a staff member, or the provider's word on a guest's payment (no one). */
type RecordedBy = Pick<StaffPrincipal, "staffId"> | null;

/**
 * Inserts a payment or refund and logs it (`payment.recorded`), in the caller's transaction,
 * which holds the session's lock. The caller has checked it is not a repeat.
 */
export async function insertPayment(
  db: SqlRunner,
  staff: RecordedBy,
  sessionId: string,
  clientPaymentId: string,
  p: PaymentContent,
  provider: { providerRef: string | null; refundOf: string | null } = { providerRef: null, refundOf: null },
): Promise<{ payment: PaymentDto; event: LoggedEvent<"payment.recorded"> }> {
  await db.run(INSERT_PAYMENT_SQL, {
    sessionId,
    clientPaymentId,
    kind: p.kind,
    method: p.method,
    amountCents: p.amountCents,
    tipCents: p.tipCents,
    customerId: p.customerId,
    note: p.note,
    // The column holds seats and persons; a phone's payment names it in customer_id.
    payer: p.payer?.startsWith("phone:") ? null : p.payer,
    staffId: staff?.staffId ?? null,
    ...provider,
  });
  const payment = await paymentById(db, sessionId, clientPaymentId);
  if (!payment) throw new Error("the payment just inserted is not there");
  const logged = await appendJsonEvent(db, "payment.recorded", sessionId, payment);
  if (!logged.event) throw new Error("the payment just inserted was not logged");
  return { payment, event: logged.event };
}
