/**
 * A phone that joined through a table's permanent card proves it is at the table before its
 * first order (docs/architecture.md, "Sessions, cards and the bill"): it types the session's
 * PIN, which only people at the table see or hear, or staff accept it on the panel. Either
 * way `customer.verified` is logged, naming how and by whom. Placement refuses an unverified
 * phone's order (orders/place-order.ts) unless the location's card check is OFF.
 */

import { timingSafeEqual } from "node:crypto";
import {
  CARD_JOIN_CHECKS,
  type CardJoinCheck,
  type CustomerDto,
  LIMITS,
  type LoggedEvent,
  type PresenceProof,
  type PresenceState,
  SessionStatus,
} from "@ordered/contract";
import { z } from "zod";
import { removedError } from "../auth/customer-account.js";
import type { CustomerPrincipal, StaffPrincipal } from "../auth/tokens.js";
import type { DbEnumValue } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { loadCustomers, lockSession } from "./session-extras.sql.js";

/** What presence is decided from: the location's setting, the phone's proof and tries, the session's tries. */
export interface PresenceFacts {
  check: CardJoinCheck;
  verified: boolean;
  phoneFailures: number;
  sessionFailures: number;
}

/** What the phone must do before it may order (contract: PRESENCE_STATES). */
export function presenceOf(f: PresenceFacts): PresenceState {
  if (f.verified || f.check === "OFF") return "VERIFIED";
  if (f.check === "STAFF_APPROVAL") return "STAFF";
  const triesUsed = f.phoneFailures >= LIMITS.presence.phonePinTries || f.sessionFailures >= LIMITS.presence.sessionPinTries;
  return triesUsed ? "STAFF" : "PIN";
}

const PinCheckRow = z.strictObject({
  status: SessionStatus,
  pin: z.string(),
  session_failures: z.number().int(),
  card_check: z.enum(CARD_JOIN_CHECKS),
  removed: z.boolean(),
  verified: z.boolean(),
  phone_failures: z.number().int(),
});

export type VerifyResult = { customer: CustomerDto; event: LoggedEvent<"customer.verified"> | null };

const PIN_CHECK_STATE_SQL = statement<{ sessionId: string; locationId: string; customerId: string }>(
  "presence.pin-check-state",
  (p) => sql`SELECT s.status, s.pin, s.pin_failures AS session_failures, l.card_join_check AS card_check,
                 c.removed_at IS NOT NULL AS removed, c.verified_at IS NOT NULL AS verified, c.pin_failures AS phone_failures
          FROM order_session s JOIN location l ON l.id = s.location_id JOIN customer c ON c.session_id = s.id
          WHERE s.id = ${p.sessionId}::uuid AND s.location_id = ${p.locationId}::uuid AND c.id = ${p.customerId}::uuid
          FOR NO KEY UPDATE OF s FOR NO KEY UPDATE OF c`,
);

const COUNT_PHONE_PIN_FAILURE_SQL = statement<{ customerId: string }>(
  "presence.count-phone-failure",
  (p) => sql`UPDATE customer SET pin_failures = pin_failures + 1 WHERE id = ${p.customerId}::uuid`,
);

const COUNT_SESSION_PIN_FAILURE_SQL = statement<{ sessionId: string }>(
  "presence.count-session-failure",
  (p) => sql`UPDATE order_session SET pin_failures = pin_failures + 1 WHERE id = ${p.sessionId}::uuid`,
);

/**
 * A phone types its session's PIN. Right: it is verified (`customer.verified`, how PIN). Wrong:
 * the phone's and the session's counts of wrong PINs go up (committed, then WRONG_PIN naming
 * the tries left); past LIMITS.presence.phonePinTries for the phone or sessionPinTries for
 * the session, no PIN is checked any more and only staff can accept the phone, so the 10,000
 * PINs cannot be tried from afar. The session row is locked first (as every writer of its log
 * does), so concurrent tries are counted exactly.
 */
export async function verifyPin(prisma: PrismaClient, customer: CustomerPrincipal, pin: string): Promise<VerifyResult> {
  const outcome = await sqlTransaction(prisma, async (db) => {
    const row = await db.row(PinCheckRow, PIN_CHECK_STATE_SQL, {
      sessionId: customer.sessionId,
      locationId: customer.locationId,
      customerId: customer.customerId,
    });
    if (!row) throw new AppError("UNAUTHENTICATED", "invalid token");
    if (row.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    if (row.removed) throw removedError();
    if (row.verified) return { kind: "done" as const, result: await unchanged(db, customer.customerId) };
    if (row.card_check === "STAFF_APPROVAL") {
      throw new AppError("PRESENCE_REQUIRED", "at this venue a member of staff accepts each new phone: please wait, or ask them");
    }
    const facts = { check: row.card_check, verified: false, phoneFailures: row.phone_failures, sessionFailures: row.session_failures };
    if (presenceOf(facts) === "STAFF") {
      throw new AppError("PRESENCE_REQUIRED", "too many wrong PINs: a member of staff must accept this phone");
    }
    if (!samePin(pin, row.pin)) {
      await db.run(COUNT_PHONE_PIN_FAILURE_SQL, { customerId: customer.customerId });
      await db.run(COUNT_SESSION_PIN_FAILURE_SQL, { sessionId: customer.sessionId });
      const left = Math.min(
        LIMITS.presence.phonePinTries - row.phone_failures - 1,
        LIMITS.presence.sessionPinTries - row.session_failures - 1,
      );
      // Thrown after the commit: the wrong try must count.
      return { kind: "wrong" as const, left };
    }
    return { kind: "done" as const, result: await markVerified(db, customer.sessionId, customer.customerId, "PIN", null) };
  });
  if (outcome.kind === "wrong") {
    throw new AppError(
      "WRONG_PIN",
      outcome.left > 0
        ? `wrong PIN: ${outcome.left} ${outcome.left === 1 ? "try" : "tries"} left`
        : "wrong PIN, and no tries left: a member of staff must accept this phone",
    );
  }
  return outcome.result;
}

/**
 * Staff accept a phone of an open session (any check: also a phone that used up its PIN
 * tries). Accepting a verified phone changes nothing; a removed phone is not found.
 */
export async function acceptCustomer(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  sessionId: string,
  customerId: string,
): Promise<VerifyResult> {
  return sqlTransaction(prisma, async (db) => {
    const session = await lockSession(db, sessionId, staff.locationId);
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    const [phone] = await loadCustomers(db, { id: customerId, sessionId });
    if (!phone || phone.removedAt) throw AppError.notFound("phone");
    if (phone.verifiedAt) return { customer: phone, event: null };
    return markVerified(db, sessionId, customerId, "STAFF", staff.staffId);
  });
}

async function unchanged(db: SqlRunner, customerId: string): Promise<VerifyResult> {
  const [phone] = await loadCustomers(db, { id: customerId });
  if (!phone) throw AppError.notFound("phone");
  return { customer: phone, event: null };
}

const MARK_VERIFIED_SQL = statement<{ how: DbEnumValue<"PresenceProof">; staffId: string | null; customerId: string }>(
  "presence.mark-verified",
  (p) => sql`UPDATE customer SET verified_at = ${CLOCK}, verified_how = ${p.how}::"PresenceProof", verified_by_id = ${p.staffId}::uuid
        WHERE id = ${p.customerId}::uuid AND verified_at IS NULL`,
);

/** Marks the phone verified and logs it, under the session lock the caller holds. */
async function markVerified(
  db: SqlRunner,
  sessionId: string,
  customerId: string,
  how: PresenceProof,
  staffId: string | null,
): Promise<VerifyResult> {
  await db.run(MARK_VERIFIED_SQL, { how, staffId, customerId });
  const [phone] = await loadCustomers(db, { id: customerId });
  if (!phone) throw new Error(`customer ${customerId} was verified but is not there`);
  const logged = await appendJsonEvent(db, "customer.verified", sessionId, phone);
  if (!logged.event) throw new Error(`customer ${customerId} was verified but not logged`);
  return { customer: phone, event: logged.event };
}

/** Compares in constant time, so the answer's timing says nothing about the digits. */
function samePin(typed: string, actual: string): boolean {
  const a = Buffer.from(typed);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
