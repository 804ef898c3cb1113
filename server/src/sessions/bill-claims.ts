/**
 * Split by item (issue 32, item 5): who pays which bill lines. A claim is (line, payer,
 * weight), one per line and payer (UNIQUE in bill_claim), so every change is a set operation:
 * setting a claim that is set already changes nothing and logs nothing, which is what makes
 * a double tap, a retry or two devices doing the same thing safe without a client-made id.
 * Each change is logged as `bill.claimed` with the line's claims as they are now, so every
 * phone of the table and every staff screen apply it by replacing that line's claims.
 *
 * Who may set what:
 * - staff (`bill.split`): any payer's claim on any line (`bill:assign`, POST /api/sessions/:id/claims);
 * - a phone (`bill:claim`): its own claim, any weight, or letting it go; and it may share a
 *   line it claims: the same command may add other payers of the table (phones, seats,
 *   persons) as new claims of weight 1. It never changes or removes a claim of another
 *   payer, nor puts a line on another payer without taking part in it (FORBIDDEN, naming the
 *   payer): a guest cannot move food onto someone else's share, and whoever was added to a
 *   shared line lets it go from their own phone.
 *
 * Checked under the session row's lock (the lock order of docs/architecture.md): the session
 * is open, the line is on the bill now (an order still PLACED, or ended, has no line to
 * claim), a phone payer is a phone of this table that was not removed.
 */
import { BillClaimDto, type BillClaimedData, billLineKey, type ClaimLinePayload, type LoggedEvent, parsePayer } from "@ordered/contract";
import { z } from "zod";
import { removedError } from "../auth/customer-account.js";
import type { CustomerPrincipal, StaffPrincipal } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, isoText, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { loadBill, lockSession } from "./session-extras.sql.js";

/** A checked claim command (the contract's ClaimLinePayload, parsed). */
type ClaimInput = z.output<typeof ClaimLinePayload>;

/** `b` is the bill_claim row. */
const CLAIM_DTO = sql`json_build_object(
  'line', b.order_id::text || ':' || b.position, 'orderId', b.order_id, 'position', b.position, 'payer', b.payer,
  'weight', b.weight,
  'claimedBy', coalesce((SELECT display_name FROM staff_user WHERE id = b.claimed_by_staff_id),
                        (SELECT display_name FROM customer WHERE id = b.claimed_by_customer_id), 'a guest'),
  'claimedAt', ${isoText("b.claimed_at")})`;

const ClaimRow = z.strictObject({ dto: BillClaimDto });

const CLAIMS_OF_SESSION = statement<{ sessionId: string }>(
  "bill-claims.of-session",
  (p) => sql`SELECT ${CLAIM_DTO} AS dto FROM bill_claim b WHERE b.session_id = ${p.sessionId}::uuid
             ORDER BY b.claimed_at, b.payer`,
);

const CLAIMS_OF_LINE = statement<{ sessionId: string; orderId: string; position: number }>(
  "bill-claims.of-line",
  (p) => sql`SELECT ${CLAIM_DTO} AS dto FROM bill_claim b
             WHERE b.session_id = ${p.sessionId}::uuid AND b.order_id = ${p.orderId}::uuid AND b.position = ${p.position}
             ORDER BY b.claimed_at, b.payer`,
);

const UPSERT_CLAIM = statement<{
  sessionId: string;
  orderId: string;
  position: number;
  payer: string;
  payerCustomerId: string | null;
  weight: number;
  byCustomerId: string | null;
  byStaffId: string | null;
}>(
  "bill-claims.upsert",
  (p) => sql`INSERT INTO bill_claim (id, session_id, order_id, position, payer, payer_customer_id, weight,
                                     claimed_by_customer_id, claimed_by_staff_id, claimed_at)
             VALUES (gen_random_uuid(), ${p.sessionId}::uuid, ${p.orderId}::uuid, ${p.position}, ${p.payer}, ${p.payerCustomerId}::uuid,
                     ${p.weight}, ${p.byCustomerId}::uuid, ${p.byStaffId}::uuid, ${CLOCK})
             ON CONFLICT (order_id, position, payer) DO UPDATE
               SET weight = EXCLUDED.weight, claimed_by_customer_id = EXCLUDED.claimed_by_customer_id,
                   claimed_by_staff_id = EXCLUDED.claimed_by_staff_id, claimed_at = EXCLUDED.claimed_at`,
);

const DELETE_CLAIM = statement<{ orderId: string; position: number; payer: string }>(
  "bill-claims.delete",
  (p) => sql`DELETE FROM bill_claim WHERE order_id = ${p.orderId}::uuid AND position = ${p.position} AND payer = ${p.payer}`,
);

const Phone = z.strictObject({ id: z.uuid(), removed: z.boolean() });
const PHONES_OF_SESSION = statement<{ sessionId: string }>(
  "bill-claims.phones-of-session",
  (p) => sql`SELECT id, removed_at IS NOT NULL AS removed FROM customer WHERE session_id = ${p.sessionId}::uuid`,
);

const Name = z.strictObject({ name: z.string().nullable() });
const STAFF_NAME = statement<{ staffId: string }>(
  "bill-claims.staff-name",
  (p) => sql`SELECT display_name AS name FROM staff_user WHERE id = ${p.staffId}::uuid`,
);
const CUSTOMER_NAME = statement<{ customerId: string }>(
  "bill-claims.customer-name",
  (p) => sql`SELECT display_name AS name FROM customer WHERE id = ${p.customerId}::uuid`,
);

/** Every claim of a session (the split's input on every screen), oldest first. */
export async function loadClaims(db: SqlRunner, sessionId: string): Promise<BillClaimDto[]> {
  return (await db.rows(ClaimRow, CLAIMS_OF_SESSION, { sessionId })).map((r) => r.dto);
}

export interface ClaimResult {
  /** The line's claims as they are now. */
  claims: BillClaimDto[];
  /** false: they were so already (nothing stored, nothing logged). */
  changed: boolean;
  event: LoggedEvent<"bill.claimed"> | null;
}

/** Sets claims on one bill line, as a phone (its own, and sharing) or as staff (any). */
export async function claimLine(
  prisma: PrismaClient,
  actor: CustomerPrincipal | StaffPrincipal,
  sessionId: string,
  input: ClaimInput,
): Promise<ClaimResult> {
  return sqlTransaction(prisma, async (db) => {
    const session = await lockSession(db, sessionId, actor.locationId);
    const phones = new Map((await db.rows(Phone, PHONES_OF_SESSION, { sessionId })).map((p) => [p.id, p]));
    if (actor.kind === "customer") {
      const me = phones.get(actor.customerId);
      if (!me) throw new AppError("UNAUTHENTICATED", "invalid token");
      if (me.removed) throw removedError();
    }
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", `${session.label} is closed: its bill can no longer change`);

    const key = billLineKey(input.orderId, input.position);
    const { bill } = await loadBill(db, sessionId);
    if (!bill.lines.some((l) => l.key === key)) {
      throw new AppError(
        "NOT_FOUND",
        `line ${input.position} of order ${input.orderId} is not on ${session.label}'s bill (an order waiting for the kitchen, ended, or of another table has no line to split)`,
      );
    }
    for (const c of input.claims) {
      const payer = parsePayer(c.payer);
      if (payer?.kind === "phone") {
        const phone = phones.get(payer.customerId);
        if (!phone) throw new AppError("NOT_FOUND", `payer ${c.payer} is not a phone of ${session.label}`);
        if (phone.removed && c.weight > 0)
          throw new AppError("CONFLICT", `payer ${c.payer} was removed from ${session.label}: it cannot pay a share`);
      }
    }

    const where = { sessionId, orderId: input.orderId, position: input.position };
    const before = (await db.rows(ClaimRow, CLAIMS_OF_LINE, where)).map((r) => r.dto);
    const current = new Map(before.map((c) => [c.payer, c.weight]));
    const wanted = actor.kind === "customer" ? phoneChanges(actor.customerId, input, current) : staffChanges(input, current);

    const by =
      actor.kind === "customer" ? { byCustomerId: actor.customerId, byStaffId: null } : { byCustomerId: null, byStaffId: actor.staffId };
    let changed = false;
    for (const [payer, weight] of wanted) {
      if ((current.get(payer) ?? 0) === weight) continue;
      changed = true;
      if (weight === 0) {
        await db.run(DELETE_CLAIM, { orderId: input.orderId, position: input.position, payer });
      } else {
        const p = parsePayer(payer);
        await db.run(UPSERT_CLAIM, { ...where, payer, payerCustomerId: p?.kind === "phone" ? p.customerId : null, weight, ...by });
      }
    }
    if (!changed) return { claims: before, changed: false, event: null };

    const claims = (await db.rows(ClaimRow, CLAIMS_OF_LINE, where)).map((r) => r.dto);
    const name =
      actor.kind === "customer"
        ? ((await db.row(Name, CUSTOMER_NAME, { customerId: actor.customerId }))?.name ?? "a guest")
        : ((await db.row(Name, STAFF_NAME, { staffId: actor.staffId }))?.name ?? "staff");
    const data: BillClaimedData = { line: key, orderId: input.orderId, position: input.position, claims, by: name };
    const { event } = await appendJsonEvent(db, "bill.claimed", sessionId, data);
    return { claims, changed: true, event };
  });
}

/** Staff: each listed payer's weight; with `replace`, every other payer's claim goes. */
function staffChanges(input: ClaimInput, current: Map<string, number>): Map<string, number> {
  const wanted = new Map(input.claims.map((c) => [c.payer, c.weight]));
  if (input.replace) for (const payer of current.keys()) if (!wanted.has(payer)) wanted.set(payer, 0);
  return wanted;
}

/**
 * A phone: its own weight as it says; other payers only added, at weight 1, to a line the
 * phone claims in the same command (sharing it); never another payer's claim changed or removed.
 */
function phoneChanges(customerId: string, input: ClaimInput, current: Map<string, number>): Map<string, number> {
  const me = `phone:${customerId}`;
  if (input.replace) {
    throw new AppError("FORBIDDEN", "a phone sets its own claims (and shares lines it claims): replacing the others' claims is for staff");
  }
  const mine = input.claims.find((c) => c.payer === me);
  const wanted = new Map<string, number>();
  if (mine) wanted.set(me, mine.weight);
  for (const c of input.claims) {
    if (c.payer === me) continue;
    if (!mine || mine.weight === 0) {
      throw new AppError(
        "FORBIDDEN",
        `a phone claims lines for itself: it cannot put a line on ${c.payer} without sharing it (claiming it too)`,
      );
    }
    if (c.weight !== 1) {
      throw new AppError("FORBIDDEN", `a phone can only share a line with ${c.payer} (weight 1): ${c.payer}'s own part is theirs to set`);
    }
    // Sharing: added if absent; a claim the payer has already stays as it is.
    if (!current.has(c.payer)) wanted.set(c.payer, 1);
  }
  return wanted;
}
