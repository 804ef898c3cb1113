/**
 * A guest declares their allergies and diets (issue 35): on their phone, or through staff for a
 * guest without one (a seat) or to correct a phone's. The whole declaration each time, so a
 * retry is the same as once; a change bumps its version (what the kitchen must acknowledge
 * again), an unchanged one changes nothing.
 */
import {
  ALLERGENS,
  type AllergyDeclarationDto,
  AllergyDeclarationDto as AllergyDeclarationSchema,
  DECLARABLE_DIETS,
  type DeclareAllergiesBody,
  type SessionAllergiesDto,
  type StaffDeclareAllergiesBody,
} from "@ordered/contract";
import { z } from "zod";
import { assertActiveCustomer } from "../auth/customer-account.js";
import type { CustomerPrincipal, StaffPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, raw, type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { DECLARATION_JSON, loadSessionAllergies } from "./allergies.sql.js";

/** A declaration as stored: codes in the contract's order, each once; a blank note is none. */
function normalized(body: DeclareAllergiesBody) {
  const note = body.note?.trim() || null;
  return {
    allergens: ALLERGENS.filter((a) => body.allergens.includes(a)),
    diets: DECLARABLE_DIETS.filter((d) => body.diets.includes(d)),
    note,
  };
}

interface Write {
  sessionId: string;
  customerId: string | null;
  seat: number | null;
  allergens: string[];
  diets: string[];
  note: string | null;
  changedById: string | null;
}

// The insert's conflict target is the guest's key: a phone's, or a seat's (customer_id NULL
// never conflicts on the phone's key). Only a real change bumps the version and the stamp.
const upsert = (target: "customer_id" | "seat") =>
  statement<Write>(
    `allergies.declare-${target === "seat" ? "seat" : "phone"}`,
    (p) => sql`
    INSERT INTO allergy_declaration AS x (id, session_id, customer_id, seat, allergens, diets, note, changed_by_id, updated_at)
    SELECT gen_random_uuid(), s.id, ${p.customerId}::uuid, ${p.seat}::smallint, ${p.allergens}::text[], ${p.diets}::text[], ${p.note},
           ${p.changedById}::uuid, ${CLOCK}
    FROM order_session s WHERE s.id = ${p.sessionId}::uuid AND s.status = ${label("SessionStatus", "OPEN")}
    ON CONFLICT (session_id, ${raw(target)}) DO UPDATE
      SET allergens = EXCLUDED.allergens, diets = EXCLUDED.diets, note = EXCLUDED.note, changed_by_id = EXCLUDED.changed_by_id,
          version = x.version + 1, updated_at = EXCLUDED.updated_at
      WHERE (x.allergens, x.diets, x.note) IS DISTINCT FROM (EXCLUDED.allergens, EXCLUDED.diets, EXCLUDED.note)`,
  );
const UPSERT_PHONE = upsert("customer_id");
const UPSERT_SEAT = upsert("seat");

const OWN = statement<{ customerId: string; sessionId: string }>(
  "allergies.own",
  (p) => sql`SELECT ${DECLARATION_JSON} AS declaration
    FROM allergy_declaration d LEFT JOIN staff_user su ON su.id = d.changed_by_id
    WHERE d.customer_id = ${p.customerId}::uuid AND d.session_id = ${p.sessionId}::uuid`,
);
const OwnRow = z.strictObject({ declaration: AllergyDeclarationSchema });

const SESSION = statement<{ sessionId: string; locationId: string }>(
  "allergies.session",
  (p) => sql`SELECT s.status FROM order_session s WHERE s.id = ${p.sessionId}::uuid AND s.location_id = ${p.locationId}::uuid FOR SHARE`,
);
const PHONE_OF = statement<{ customerId: string; sessionId: string }>(
  "allergies.phone-of",
  (p) => sql`SELECT c.id FROM customer c WHERE c.id = ${p.customerId}::uuid AND c.session_id = ${p.sessionId}::uuid`,
);

/** The phone's own declaration at its table, or null (its token's checks are the caller's). */
export async function loadOwnDeclaration(db: SqlRunner, customer: CustomerPrincipal): Promise<AllergyDeclarationDto | null> {
  return (await db.row(OwnRow, OWN, { customerId: customer.customerId, sessionId: customer.sessionId }))?.declaration ?? null;
}

/** The phone's own declaration at its table, or null. */
export async function ownDeclaration(prisma: PrismaClient, customer: CustomerPrincipal): Promise<AllergyDeclarationDto | null> {
  await assertActiveCustomer(prisma, customer, "any");
  return loadOwnDeclaration(sqlOn(prisma), customer);
}

export interface Declared<T> {
  result: T;
  /** Something changed: staff screens are told (`allergies:changed`). */
  changed: boolean;
  sessionId: string;
}

/** The phone declares its guest's allergies and diets (its session must be open). */
export async function declareOnPhone(
  prisma: PrismaClient,
  customer: CustomerPrincipal,
  body: DeclareAllergiesBody,
): Promise<Declared<AllergyDeclarationDto | null>> {
  await assertActiveCustomer(prisma, customer, "open");
  return sqlTransaction(prisma, async (db) => {
    const changed = await db.run(UPSERT_PHONE, {
      sessionId: customer.sessionId,
      customerId: customer.customerId,
      seat: null,
      ...normalized(body),
      changedById: null,
    });
    const own = await db.row(OwnRow, OWN, { customerId: customer.customerId, sessionId: customer.sessionId });
    if (!own) throw new AppError("SESSION_CLOSED", "this table's session is closed");
    return { result: own.declaration, changed: changed > 0, sessionId: customer.sessionId };
  });
}

/** Staff record a seat's declaration, or correct a phone's, at an open session of their location. */
export async function declareByStaff(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  sessionId: string,
  body: StaffDeclareAllergiesBody,
): Promise<Declared<SessionAllergiesDto>> {
  return sqlTransaction(prisma, async (db: SqlRunner) => {
    const session = await db.row(z.strictObject({ status: z.enum(["OPEN", "CLOSED"]) }), SESSION, {
      sessionId,
      locationId: staff.locationId,
    });
    if (!session) throw AppError.notFound("session");
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    const guest = body.guest.toLowerCase();
    const [kind, key] = guest.split(":") as ["seat" | "phone", string];
    let changed: number;
    if (kind === "phone") {
      if (!(await db.row(z.strictObject({ id: z.uuid() }), PHONE_OF, { customerId: key, sessionId }))) {
        throw new AppError("NOT_FOUND", `body.guest: phone ${key} is not at this table`);
      }
      changed = await db.run(UPSERT_PHONE, { sessionId, customerId: key, seat: null, ...normalized(body), changedById: staff.staffId });
    } else {
      changed = await db.run(UPSERT_SEAT, {
        sessionId,
        customerId: null,
        seat: Number(key),
        ...normalized(body),
        changedById: staff.staffId,
      });
    }
    const allergies = await loadSessionAllergies(db, staff.locationId, sessionId);
    if (!allergies) throw AppError.notFound("session");
    return { result: allergies, changed: changed > 0, sessionId };
  });
}
