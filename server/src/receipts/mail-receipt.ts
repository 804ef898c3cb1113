/**
 * Mails a closed session's receipt (issue 33) for a phone of the session or for staff of its
 * location, once per client-made id, and logs `receipt.mailed` in the session's log.
 *
 * Sent inline, not queued: the guest is standing at the table with the screen open and wants
 * to know at once whether it went ("sent" or "try again"), the mail is one small SMTP exchange
 * with short timeouts (mailer.ts), and nothing else waits on it. A durable queue would answer
 * "queued" and leave the guest unsure, for a mail nobody retries after the guest has left.
 *
 * Exactly once per (session, clientMailId), as Stripe's idempotency keys work: the row is
 * inserted before the send (UNIQUE, so two instances cannot both send), a repeat of a sent id
 * answers the same mail (200) without sending, a repeat while the first is still being sent is
 * a CONFLICT, and a repeat naming another address or language is a CONFLICT. A failed send
 * deletes its row (nothing went out), so the same id may simply be sent again. If the process
 * dies after the mail server took the mail and before `sent_at` is stored, that id stays spent
 * (at most one mail per id; the guest asks again with a new one).
 */
import { type LoggedEvent, type MailReceiptBody, maskEmail, type ReceiptLanguage, type ReceiptMailDto } from "@ordered/contract";
import { z } from "zod";
import { assertActiveCustomer } from "../auth/customer-account.js";
import type { CustomerPrincipal, StaffPrincipal } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, isoText, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import type { Limiter } from "../http/rate-limit.js";
import type { Logger } from "../logger.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { loadReceipt, lockSession } from "../sessions/session-extras.sql.js";
import type { Mailer } from "./mailer.js";
import { renderReceiptMail } from "./render-receipt-mail.js";

export interface MailReceiptDeps {
  prisma: PrismaClient;
  /** null: this server mails no receipts (no SMTP settings). */
  mailer: Mailer | null;
  limiters: { receiptMailPerSession: Limiter; receiptMailPerAddress: Limiter };
  log: Logger;
}

/** Who asks: a phone of the session (its token), or staff of its location. */
export type MailAsker = CustomerPrincipal | StaffPrincipal;

const MailRow = z.strictObject({
  client_mail_id: z.string(),
  to_masked: z.string(),
  language: z.string(),
  by: z.string(),
  sent_at: z.string().nullable(),
});

const MAIL_BY_CLIENT_ID = statement<{ sessionId: string; clientMailId: string }>(
  "receipt-mail.by-client-id",
  (p) => sql`
    SELECT m.client_mail_id, m.to_masked, m.language, ${isoText("m.sent_at")} AS sent_at,
           coalesce((SELECT display_name FROM staff_user WHERE id = m.by_staff_id),
                    (SELECT display_name FROM customer WHERE id = m.by_customer_id), 'a guest') AS by
    FROM receipt_mail m WHERE m.session_id = ${p.sessionId}::uuid AND m.client_mail_id = ${p.clientMailId}`,
);

const SESSION_OF_LOCATION = statement<{ sessionId: string; locationId: string }>(
  "receipt-mail.session-of-location",
  (p) => sql`SELECT id FROM order_session WHERE id = ${p.sessionId}::uuid AND location_id = ${p.locationId}::uuid`,
);

const INSERT_MAIL = statement<{
  sessionId: string;
  clientMailId: string;
  toMasked: string;
  language: string;
  customerId: string | null;
  staffId: string | null;
}>(
  "receipt-mail.insert",
  (p) => sql`
    INSERT INTO receipt_mail (id, session_id, client_mail_id, to_masked, language, by_customer_id, by_staff_id, requested_at)
    VALUES (gen_random_uuid(), ${p.sessionId}::uuid, ${p.clientMailId}, ${p.toMasked}, ${p.language}, ${p.customerId}::uuid, ${p.staffId}::uuid, ${CLOCK})
    ON CONFLICT (session_id, client_mail_id) DO NOTHING
    RETURNING id`,
);

const FORGET_MAIL = statement<{ id: string }>(
  "receipt-mail.forget",
  (p) => sql`DELETE FROM receipt_mail WHERE id = ${p.id}::uuid AND sent_at IS NULL`,
);

const MARK_SENT = statement<{ id: string; messageId: string }>(
  "receipt-mail.mark-sent",
  (p) => sql`UPDATE receipt_mail SET sent_at = ${CLOCK}, message_id = ${p.messageId} WHERE id = ${p.id}::uuid RETURNING id`,
);

const IdRow = z.strictObject({ id: z.uuid() });

/** The mail a row records, as the API and the session log show it. */
function mailDto(row: z.output<typeof MailRow>): ReceiptMailDto {
  if (!row.sent_at) throw new Error("mailDto: the mail was not sent");
  return {
    clientMailId: row.client_mail_id,
    to: row.to_masked,
    language: row.language as ReceiptLanguage,
    by: row.by,
    sentAt: row.sent_at,
  };
}

/**
 * What an earlier request with this id did: the same mail (sent), a CONFLICT (still being
 * sent, or asked with another address or language), or nothing yet (undefined).
 */
function repeatOf(row: z.output<typeof MailRow> | undefined, toMasked: string, language: string): ReceiptMailDto | undefined {
  if (!row) return undefined;
  if (row.to_masked !== toMasked || row.language !== language) {
    throw new AppError(
      "CONFLICT",
      `mail ${row.client_mail_id} was already asked for another address or language: a new mail needs a new id`,
    );
  }
  // Stripe answers a key whose first request is still running the same way: wait, then ask again.
  if (!row.sent_at) throw new AppError("CONFLICT", "this receipt is being mailed right now: wait for that answer");
  return mailDto(row);
}

export async function mailReceipt(
  deps: MailReceiptDeps,
  asker: MailAsker,
  sessionId: string,
  body: z.output<typeof MailReceiptBody>,
  clientKey: string,
): Promise<{ mail: ReceiptMailDto; event: LoggedEvent<"receipt.mailed"> | null }> {
  const { prisma, mailer } = deps;
  if (!mailer) {
    throw new AppError(
      "MAIL_DISABLED",
      "this server mails no receipts (its SMTP_URL and MAIL_FROM are not set): print or save the receipt instead",
    );
  }
  const db = sqlOn(prisma);
  if (asker.kind === "customer") {
    await assertActiveCustomer(prisma, asker, "any");
  } else if (!(await db.row(IdRow, SESSION_OF_LOCATION, { sessionId, locationId: asker.locationId }))) {
    throw AppError.notFound("session");
  }
  const toMasked = maskEmail(body.to);
  const key = { sessionId, clientMailId: body.clientMailId };
  const earlier = repeatOf(await db.row(MailRow, MAIL_BY_CLIENT_ID, key), toMasked, body.language);
  if (earlier) return { mail: earlier, event: null };

  const receipt = await loadReceipt(db, sessionId);
  if (!receipt) throw new AppError("CONFLICT", "this table is still open: its receipt can be mailed once it is closed");
  // Spent only by a new mail (a repeat above costs nothing): per session, whoever asks, and per address.
  await deps.limiters.receiptMailPerSession.consume(sessionId, "receipts mailed for this table");
  await deps.limiters.receiptMailPerAddress.consume(clientKey, "receipts mailed");

  const inserted = await db.row(IdRow, INSERT_MAIL, {
    ...key,
    toMasked,
    language: body.language,
    customerId: asker.kind === "customer" ? asker.customerId : null,
    staffId: asker.kind === "staff" ? asker.staffId : null,
  });
  if (!inserted) {
    // Another request with this id got in first (a double tap reaching two instances).
    const other = repeatOf(await db.row(MailRow, MAIL_BY_CLIENT_ID, key), toMasked, body.language);
    if (other) return { mail: other, event: null };
    throw new AppError("CONFLICT", "this receipt is being mailed right now: wait for that answer");
  }

  const rendered = renderReceiptMail(receipt, body.language);
  let messageId: string;
  try {
    ({ messageId } = await mailer.send({ to: body.to, ...rendered }));
  } catch (err) {
    await db.run(FORGET_MAIL, { id: inserted.id });
    // The mail server's own words may name hosts, accounts and the guest's address: the log
    // keeps what kind of failure it was, the phone gets a plain "try again".
    const { code, responseCode, command } = (err ?? {}) as { code?: string; responseCode?: number; command?: string };
    deps.log.warn({ sessionId, code, responseCode, command }, "a receipt could not be mailed");
    throw new AppError("MAIL_FAILED", "the receipt could not be mailed just now: nothing was sent, try again in a moment");
  }

  return sqlTransaction(prisma, async (tx) => {
    // The session's row first, as every writer of its log does.
    await lockSession(tx, sessionId, asker.locationId);
    await tx.row(IdRow, MARK_SENT, { id: inserted.id, messageId });
    const row = await tx.row(MailRow, MAIL_BY_CLIENT_ID, key);
    if (!row) throw new Error(`receipt mail ${inserted.id} vanished after it was sent`);
    const mail = mailDto(row);
    const { event } = await appendJsonEvent(tx, "receipt.mailed", sessionId, mail);
    if (!event) throw new Error(`receipt mail ${inserted.id} was sent but not logged`);
    return { mail, event };
  });
}
