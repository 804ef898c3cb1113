/**
 * Staff record what a seating paid. A payment carries an id made by the staff device:
 * the same id twice (double tap, a retry, two instances) records one payment. Under the
 * session row's lock the bill is recomputed and a payment larger than what is due is
 * refused, so two devices paying the last euros at once cannot overpay.
 */
import { centsText, type LoggedEvent, type PaymentDto, type RecordPaymentBody } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlTransaction } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendEvent, jsonPayload } from "../session-log/session-log.js";
import { loadBill, loadPayments, lockSession } from "./seating.sql.js";

const Phone = z.strictObject({ id: z.uuid() });

type PaymentInput = Omit<RecordPaymentBody, "tipCents"> & { tipCents: number };

export async function recordPayment(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  sessionId: string,
  input: PaymentInput,
): Promise<{ payment: PaymentDto; event: LoggedEvent<"payment.recorded"> | null }> {
  return sqlTransaction(prisma, async (db) => {
    const session = await lockSession(db, sessionId, staff.locationId);
    const byClientId = sql`p.session_id = ${sessionId}::uuid AND p.client_payment_id = ${input.clientPaymentId}`;
    const [existing] = await loadPayments(db, byClientId);
    if (existing) return { payment: existing, event: null };
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", `${session.label} is closed: its bill can no longer change`);
    if (input.customerId) {
      const phone = await db.row(
        Phone,
        sql`SELECT id FROM customer WHERE id = ${input.customerId}::uuid AND session_id = ${sessionId}::uuid`,
      );
      if (!phone) throw AppError.notFound("phone");
    }
    const { bill } = await loadBill(db, sessionId);
    if (input.amountCents > bill.dueCents) {
      throw new AppError(
        "OVERPAYMENT",
        `only ${centsText(bill.dueCents, bill.currency)} is due at ${session.label}: record at most that, and any tip apart`,
      );
    }
    await db.run(sql`
      INSERT INTO payment (id, session_id, client_payment_id, method, amount_cents, tip_cents, customer_id, note, recorded_at, recorded_by_id)
      VALUES (gen_random_uuid(), ${sessionId}::uuid, ${input.clientPaymentId}, ${input.method}::"PaymentMethod", ${input.amountCents},
              ${input.tipCents}, ${input.customerId ?? null}::uuid, ${input.note ?? null}, ${CLOCK}, ${staff.staffId}::uuid)`);
    const [payment] = await loadPayments(db, byClientId);
    if (!payment) throw new Error("the payment just inserted is not there");
    const logged = await appendEvent(db, { type: "payment.recorded", sessionId: sql`${sessionId}::uuid`, payload: jsonPayload(payment) });
    return { payment, event: logged.event };
  });
}
