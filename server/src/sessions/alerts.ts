/**
 * A phone calls a waiter or asks for the bill; staff acknowledge it. Both are logged, so
 * every staff device of the location and every phone of the table hear of them, and replay
 * brings them to whoever was offline.
 */

import type { AlertDto, AlertKind, LoggedEvent } from "@ordered/contract";
import { z } from "zod";
import { removedError } from "../auth/customer-account.js";
import type { CustomerPrincipal, StaffPrincipal } from "../auth/tokens.js";
import type { DbEnumValue } from "../db/enums.js";
import type { PrismaClient } from "../db/prisma.js";
import { CLOCK, sql, sqlTransaction, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { appendJsonEvent } from "../session-log/session-log.js";
import { loadAlerts, loadPendingAlert, lockSession } from "./session-extras.sql.js";

const Phone = z.strictObject({ removed: z.boolean() });
const Inserted = z.strictObject({ id: z.uuid() });

const CUSTOMER_REMOVED_SQL = statement<{ customerId: string }>(
  "alerts.customer-removed",
  (p) => sql`SELECT removed_at IS NOT NULL AS removed FROM customer WHERE id = ${p.customerId}::uuid`,
);

const INSERT_ALERT_SQL = statement<{ sessionId: string; customerId: string; kind: DbEnumValue<"AlertKind"> }>(
  "alerts.insert",
  (p) => sql`INSERT INTO session_alert (id, session_id, customer_id, kind, raised_at)
          VALUES (gen_random_uuid(), ${p.sessionId}::uuid, ${p.customerId}::uuid, ${p.kind}::"AlertKind", ${CLOCK}) RETURNING id`,
);

/**
 * Raises a call. A phone's call of a kind still pending is returned as it is (a double tap,
 * a retry, or another instance): one call, one event. The session row's lock serialises
 * this against closing and the phone's removal, which are re-checked under it.
 */
export async function raiseAlert(
  prisma: PrismaClient,
  customer: CustomerPrincipal,
  kind: AlertKind,
): Promise<{ alert: AlertDto; event: LoggedEvent<"alert.raised"> | null }> {
  return sqlTransaction(prisma, async (db) => {
    const session = await lockSession(db, customer.sessionId, customer.locationId);
    const phone = await db.row(Phone, CUSTOMER_REMOVED_SQL, { customerId: customer.customerId });
    if (!phone) throw new AppError("UNAUTHENTICATED", "invalid token");
    if (phone.removed) throw removedError();
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", "this table's session is closed");
    const existing = await loadPendingAlert(db, { sessionId: session.id, customerId: customer.customerId, kind });
    if (existing) return { alert: existing, event: null };
    const inserted = await db.row(Inserted, INSERT_ALERT_SQL, { sessionId: session.id, customerId: customer.customerId, kind });
    const [alert] = inserted ? await loadAlerts(db, { id: inserted.id }) : [];
    if (!alert) throw new Error("the alert just inserted is not there");
    const logged = await appendJsonEvent(db, "alert.raised", session.id, alert);
    return { alert, event: logged.event };
  });
}

const AlertSession = z.strictObject({ session_id: z.uuid() });

const SESSION_OF_ALERT_SQL = statement<{ alertId: string; locationId: string }>(
  "alerts.session-of-alert",
  (p) => sql`SELECT a.session_id FROM session_alert a JOIN order_session s ON s.id = a.session_id
          WHERE a.id = ${p.alertId}::uuid AND s.location_id = ${p.locationId}::uuid`,
);

const MARK_ALERT_ACKNOWLEDGED_SQL = statement<{ staffId: string; alertId: string }>(
  "alerts.mark-acknowledged",
  (p) => sql`UPDATE session_alert SET acknowledged_at = ${CLOCK}, acknowledged_by_id = ${p.staffId}::uuid
          WHERE id = ${p.alertId}::uuid AND acknowledged_at IS NULL`,
);

/**
 * Staff acknowledge a call, once: a second acknowledgement (double tap, another device) is
 * a CONFLICT naming who did it. Another location's call is "call not found", exactly as an
 * id that names no call.
 */
export async function acknowledgeAlert(
  prisma: PrismaClient,
  staff: StaffPrincipal,
  alertId: string,
): Promise<{ alert: AlertDto; event: LoggedEvent<"alert.acknowledged"> }> {
  return sqlTransaction(prisma, async (db) => {
    // Looked up within the staff's location only: another location's call and an id that
    // names nothing get the same answer, so ids cannot be probed across venues.
    const found = await db.row(AlertSession, SESSION_OF_ALERT_SQL, { alertId, locationId: staff.locationId });
    if (!found) throw AppError.notFound("call");
    await lockSession(db, found.session_id, staff.locationId);
    const changed = await db.run(MARK_ALERT_ACKNOWLEDGED_SQL, { staffId: staff.staffId, alertId });
    const [alert] = await loadAlerts(db, { id: alertId });
    if (!alert) throw AppError.notFound("call");
    if (changed === 0) {
      throw new AppError("CONFLICT", `this call was already acknowledged${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ""}`);
    }
    const logged = await appendJsonEvent(db, "alert.acknowledged", found.session_id, alert);
    if (!logged.event) throw new Error(`alert ${alertId} was acknowledged but not logged`);
    return { alert, event: logged.event };
  });
}
