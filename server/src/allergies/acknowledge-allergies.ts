/**
 * The kitchen acknowledges the declared allergies a ticket's lines call for (issue 35): each
 * declaration, at its version now, with who, when and what it said — the record that the
 * kitchen read it before cooking. A ticket with such lines is not started before
 * (unacknowledgedOn, checked by the bump to PREPARING); a declaration changed after asks again.
 */
import { guestWords, type SessionAllergiesDto } from "@ordered/contract";
import { z } from "zod";
import type { StaffPrincipal } from "../auth/tokens.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, type SqlRunner, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { FOR_TICKET_LINES, loadSessionAllergies } from "./allergies.sql.js";

const TICKET = statement<{ ticketId: string; locationId: string }>(
  "allergies.ticket",
  (p) => sql`SELECT o.session_id FROM ticket t JOIN "order" o ON o.id = t.order_id JOIN station st ON st.id = t.station_id
    WHERE t.id = ${p.ticketId}::uuid AND st.location_id = ${p.locationId}::uuid`,
);

const ACKNOWLEDGE = statement<{ ticketId: string; staffId: string }>(
  "allergies.acknowledge",
  (p) => sql`
    INSERT INTO allergy_ack (ticket_id, declaration_id, version, allergens, diets, note, acked_by_id, acked_at)
    SELECT t.id, d.id, d.version, d.allergens, d.diets, d.note, ${p.staffId}::uuid, ${CLOCK}
    FROM ticket t JOIN "order" o ON o.id = t.order_id JOIN allergy_declaration d ON ${FOR_TICKET_LINES}
    WHERE t.id = ${p.ticketId}::uuid
    ON CONFLICT DO NOTHING`,
);

const Unacknowledged = z.strictObject({
  customer_id: z.uuid().nullable(),
  seat: z.number().int().nullable(),
  allergens: z.array(z.string()),
  diets: z.array(z.string()),
  note: z.string().nullable(),
});

const UNACKNOWLEDGED = statement<{ ticketId: string }>(
  "allergies.unacknowledged",
  (p) => sql`
    SELECT d.customer_id, d.seat, d.allergens, d.diets, d.note
    FROM ticket t JOIN "order" o ON o.id = t.order_id JOIN allergy_declaration d ON ${FOR_TICKET_LINES}
    WHERE t.id = ${p.ticketId}::uuid
      AND NOT EXISTS (SELECT 1 FROM allergy_ack a WHERE a.ticket_id = t.id AND a.declaration_id = d.id AND a.version = d.version)
    ORDER BY d.seat NULLS FIRST, d.id`,
);

/**
 * Refuses (ALLERGY_UNACKNOWLEDGED) to go on with a ticket whose lines are for a guest with a
 * declaration the kitchen has not acknowledged on it as it is now; the message says whose and what.
 */
export async function assertAllergiesAcknowledged(db: SqlRunner, ticketId: string): Promise<void> {
  const open = await db.rows(Unacknowledged, UNACKNOWLEDGED, { ticketId });
  if (open.length === 0) return;
  const what = open.map((d) => {
    const said = [...d.allergens.map((a) => a.toLowerCase()), ...d.diets.map((x) => x.toLowerCase()), ...(d.note ? [`"${d.note}"`] : [])];
    return `${guestWords(d.seat === null ? `phone:${d.customer_id}` : `seat:${d.seat}`)}: ${said.join(", ")}`;
  });
  throw new AppError(
    "ALLERGY_UNACKNOWLEDGED",
    `acknowledge the declared allergies first (${what.join("; ")}): this ticket starts once the kitchen has read them`,
  );
}

/** Acknowledges on the ticket every declaration its lines call for; the session's allergies as they are now. */
export async function acknowledgeAllergies(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  ticketId: string,
): Promise<{ allergies: SessionAllergiesDto; changed: boolean }> {
  return sqlTransaction(prisma, async (db) => {
    const ticket = await db.row(z.strictObject({ session_id: z.uuid() }), TICKET, { ticketId, locationId: staff.locationId });
    if (!ticket) throw AppError.notFound("ticket");
    const added = await db.run(ACKNOWLEDGE, { ticketId, staffId: staff.staffId });
    const allergies = await loadSessionAllergies(db, staff.locationId, ticket.session_id);
    if (!allergies) throw AppError.notFound("ticket");
    return { allergies, changed: added > 0 };
  });
}
