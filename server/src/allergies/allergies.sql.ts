/**
 * Guests' declared allergies (issue 35) as staff screens read them: a session's declarations
 * and the kitchen's acknowledgements (SessionAllergiesDto), and which declarations a ticket's
 * lines call for (contract allergies.ts guestOfLine, in SQL).
 */
import { SessionAllergiesDto } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import { isoText, type Sql, type SqlRunner, sql, statement } from "../db/sql.js";

/** A declaration `d` says something (contract isDeclared). */
export const DECLARED = sql`(cardinality(d.allergens) > 0 OR cardinality(d.diets) > 0 OR coalesce(btrim(d.note), '') <> '')`;

/**
 * The declarations `d` (of the ticket `t`'s order `o`'s session) of guests some of the ticket's
 * lines are for: a line's seat when staff noted one, else the phone that ordered it.
 */
export const FOR_TICKET_LINES = sql`d.session_id = o.session_id AND ${DECLARED} AND EXISTS (
    SELECT 1 FROM order_item i WHERE i.order_id = o.id AND i.station_id = t.station_id AND i.course_id IS NOT DISTINCT FROM t.course_id
      AND ((i.seat IS NOT NULL AND d.seat = i.seat) OR (i.seat IS NULL AND d.customer_id = o.customer_id)))`;

/** An AllergyDeclarationDto of the declaration `d`, `su` its last changer (LEFT JOINed staff_user). */
export const DECLARATION_JSON = sql`json_build_object('id', d.id,
    'guest', CASE WHEN d.customer_id IS NULL THEN 'seat:' || d.seat ELSE 'phone:' || d.customer_id END,
    'customerId', d.customer_id, 'seat', d.seat, 'allergens', d.allergens, 'diets', d.diets, 'note', d.note,
    'version', d.version, 'updatedAt', ${isoText("d.updated_at")}, 'changedBy', su.display_name)`;

/** The SessionAllergiesDto of the session `s` in the enclosing query. */
function sessionAllergies(): Sql {
  return sql`json_build_object('sessionId', s.id,
    'declarations', coalesce((SELECT json_agg(${DECLARATION_JSON} ORDER BY d.seat NULLS FIRST, d.updated_at, d.id)
       FROM allergy_declaration d LEFT JOIN staff_user su ON su.id = d.changed_by_id WHERE d.session_id = s.id), '[]'),
    'acks', coalesce((SELECT json_agg(json_build_object('ticketId', a.ticket_id, 'declarationId', a.declaration_id, 'version', a.version,
         'ackedBy', su.display_name, 'ackedAt', ${isoText("a.acked_at")}) ORDER BY a.acked_at, a.ticket_id, a.version)
       FROM allergy_ack a JOIN allergy_declaration d ON d.id = a.declaration_id LEFT JOIN staff_user su ON su.id = a.acked_by_id
       WHERE d.session_id = s.id), '[]'))`;
}

const Row = z.strictObject({ allergies: SessionAllergiesDto });

const OF_SESSION = statement<{ sessionId: string; locationId: string }>(
  "allergies.of-session",
  (p) => sql`SELECT ${sessionAllergies()} AS allergies FROM order_session s
    WHERE s.id = ${p.sessionId}::uuid AND s.location_id = ${p.locationId}::uuid`,
);

// Only sessions someone declared something at: most tables have nothing to say.
const OF_OPEN_SESSIONS = statement<{ locationId: string }>(
  "allergies.of-open-sessions",
  (p) => sql`SELECT ${sessionAllergies()} AS allergies FROM order_session s
    WHERE s.location_id = ${p.locationId}::uuid AND s.status = ${label("SessionStatus", "OPEN")}
      AND EXISTS (SELECT 1 FROM allergy_declaration d WHERE d.session_id = s.id)
    ORDER BY s.opened_at, s.id`,
);

/** A session's declarations and acknowledgements, or undefined when it is not the location's. */
export async function loadSessionAllergies(db: SqlRunner, locationId: string, sessionId: string): Promise<SessionAllergiesDto | undefined> {
  return (await db.row(Row, OF_SESSION, { sessionId, locationId }))?.allergies;
}

/** Every open session's of the location that has any declaration. */
export async function loadOpenAllergies(db: SqlRunner, locationId: string): Promise<SessionAllergiesDto[]> {
  return (await db.rows(Row, OF_OPEN_SESSIONS, { locationId })).map((r) => r.allergies);
}
