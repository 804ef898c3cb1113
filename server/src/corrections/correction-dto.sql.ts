/**
 * The one CorrectionDto builder (PostgreSQL builds the JSON, like every DTO): read by the
 * order DTO (a line's corrections ride on its item), the session's bill discounts, and the
 * recording of a correction itself.
 */
import { CorrectionDto } from "@ordered/contract";
import { z } from "zod";
import { isoText, type SqlRunner, sql, statement } from "../db/sql.js";

/** `k` is the correction row. */
export const CORRECTION_DTO = sql`json_build_object(
  'id', k.id, 'clientCorrectionId', k.client_correction_id, 'sessionId', k.session_id, 'orderId', k.order_id,
  'position', k.position, 'kind', k.kind, 'percentBps', k.percent_bps, 'amountCents', k.amount_cents,
  'offCents', k.off_cents, 'reason', k.reason,
  'by', (SELECT display_name FROM staff_user WHERE id = k.by_id),
  'approvedBy', (SELECT display_name FROM staff_user WHERE id = k.approved_by_id),
  'at', ${isoText("k.at")})`;

const Row = z.strictObject({ dto: CorrectionDto });

const BY_CLIENT_ID = statement<{ sessionId: string; clientCorrectionId: string }>(
  "corrections.by-client-id",
  (p) =>
    sql`SELECT ${CORRECTION_DTO} AS dto FROM correction k
        WHERE k.session_id = ${p.sessionId}::uuid AND k.client_correction_id = ${p.clientCorrectionId}`,
);

/** The correction a staff device recorded under this id, if any. */
export async function loadCorrectionByClientId(
  db: SqlRunner,
  sessionId: string,
  clientCorrectionId: string,
): Promise<CorrectionDto | undefined> {
  return (await db.row(Row, BY_CLIENT_ID, { sessionId, clientCorrectionId }))?.dto;
}

const BILL_DISCOUNTS = statement<{ sessionId: string }>(
  "corrections.bill-discounts",
  (p) =>
    sql`SELECT ${CORRECTION_DTO} AS dto FROM correction k
        WHERE k.session_id = ${p.sessionId}::uuid AND k.order_id IS NULL ORDER BY k.at, k.id`,
);

/** A session's corrections of the whole bill, oldest first (a line's are on its order's item). */
export async function loadBillDiscounts(db: SqlRunner, sessionId: string): Promise<CorrectionDto[]> {
  return (await db.rows(Row, BILL_DISCOUNTS, { sessionId })).map((r) => r.dto);
}
