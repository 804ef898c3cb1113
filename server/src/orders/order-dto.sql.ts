/**
 * The one OrderDto builder: PostgreSQL builds the JSON in the same statement that reads or
 * changes the order (one round trip, no ORM include costing a query per relation). The
 * shape is the contract's OrderDto; appendEvent and loadOrderDto parse what this builds
 * against it, so the two cannot drift.
 */
import { OrderDto } from "@ordered/contract";
import { z } from "zod";
import { CORRECTION_DTO } from "../corrections/correction-dto.sql.js";
import { label } from "../db/enums.js";
import { type Cte, isoText, raw, type Sql, type SqlRunner, sql, statement } from "../db/sql.js";

/**
 * Where the builder reads an order's rows. By default the tables; a statement that has just
 * written the order, its items or its shipment passes the CTE holding the new rows
 * (`RETURNING *`), since a statement does not see its own writes.
 */
export interface OrderDtoSources {
  order?: Cte;
  items?: Cte;
  shipment?: Cte;
  tickets?: Cte;
}

function buildOrderDtoSelect(from: OrderDtoSources): Sql {
  return sql`
  SELECT json_build_object(
    'id', o.id,
    'clientOrderId', o.client_order_id,
    'sessionId', o.session_id,
    'number', o.number,
    'customerId', o.customer_id,
    'customerName', c.display_name,
    'enteredBy', CASE WHEN o.entered_by_id IS NULL THEN NULL
                 ELSE (SELECT display_name FROM staff_user WHERE id = o.entered_by_id) END,
    'status', o.status,
    'statusReason', o.status_reason,
    'statusReasonCode', o.status_reason_code,
    'totalCents', o.total_cents,
    'currency', o.currency,
    'placedAt', ${isoText("o.placed_at")},
    'acceptedAt', ${isoText("o.accepted_at")},
    'finishedAt', ${isoText("o.finished_at")},
    'items', (
      SELECT coalesce(json_agg(json_build_object(
        'position', i.position,
        'productId', i.product_id,
        'productName', i.product_name,
        'unitPriceCents', i.unit_price_cents,
        'quantity', i.quantity,
        'note', i.note,
        'options', i.options,
        'allergens', to_json(i.allergens),
        'stationId', i.station_id,
        'seat', i.seat,
        'courseId', i.course_id,
        'taxRateBps', i.tax_rate_bps,
        'taxName', i.tax_name,
        'movedTo', i.moved_to,
        'corrections', (SELECT coalesce(json_agg(${CORRECTION_DTO} ORDER BY k.at, k.id), '[]'::json)
                        FROM correction k WHERE k.order_id = i.order_id AND k.position = i.position)
        ) ORDER BY i.position), '[]'::json)
      FROM ${from.items?.ref ?? raw("order_item")} i WHERE i.order_id = o.id),
    'shipment', CASE WHEN s.order_id IS NULL THEN NULL ELSE json_build_object(
      'status', s.status,
      'readyAt', ${isoText("s.ready_at")},
      'deliveredAt', ${isoText("s.delivered_at")}) END,
    'tickets', (
      SELECT coalesce(json_agg(json_build_object(
        'id', t.id,
        'stationId', t.station_id,
        'station', st.name,
        'status', t.status,
        'createdAt', ${isoText("t.created_at")},
        'startedAt', ${isoText("t.started_at")},
        'readyAt', ${isoText("t.ready_at")},
        'movedAt', ${isoText("t.moved_at")},
        'courseId', t.course_id,
        'course', co.name,
        'firedAt', ${isoText("t.fired_at")}) ORDER BY st.position, st.id, co.position NULLS FIRST, co.id), '[]'::json)
      FROM ${from.tickets?.ref ?? raw("ticket")} t JOIN station st ON st.id = t.station_id
      LEFT JOIN course co ON co.id = t.course_id WHERE t.order_id = o.id),
    'cancelledBy', CASE WHEN o.cancelled_by_id IS NULL THEN NULL
                   ELSE (SELECT display_name FROM staff_user WHERE id = o.cancelled_by_id) END,
    'movedFrom', o.moved_from
  ) AS dto
  FROM ${from.order?.ref ?? raw(`"order"`)} o
  LEFT JOIN customer c ON c.id = o.customer_id
  LEFT JOIN ${from.shipment?.ref ?? raw("shipment")} s ON s.order_id = o.id`;
}

/** The OrderDto SELECT (one `dto` column per order) from `from`'s CTEs or the tables; add a WHERE on `o`. */
export const orderDtoSelect = (from: OrderDtoSources = {}): Sql => buildOrderDtoSelect(from);

/** One order's DTO as a one-column `payload` SELECT, for appendEvent. */
export function orderDtoPayload(orderId: Sql, from?: OrderDtoSources): Sql {
  return sql`SELECT d.dto AS payload FROM (${orderDtoSelect(from)} WHERE o.id = ${orderId}) d`;
}

const DtoRow = z.strictObject({ dto: OrderDto });

const BY_ID = statement<{ id: string }>("orders.dto-by-id", (p) => sql`${orderDtoSelect()} WHERE o.id = ${p.id}::uuid`);
const BY_CLIENT_ID = statement<{ sessionId: string; clientOrderId: string }>(
  "orders.dto-by-client-id",
  (p) => sql`${orderDtoSelect()} WHERE o.session_id = ${p.sessionId}::uuid AND o.client_order_id = ${p.clientOrderId}`,
);

export async function loadOrderDto(
  db: SqlRunner,
  where: { id: string } | { sessionId: string; clientOrderId: string },
): Promise<OrderDto | null> {
  const row = "id" in where ? await db.row(DtoRow, BY_ID, where) : await db.row(DtoRow, BY_CLIENT_ID, where);
  return row?.dto ?? null;
}

const PREPARING_IN = statement<{ sessionIds: string[] }>(
  "orders.dtos-preparing",
  (p) =>
    sql`${orderDtoSelect()} WHERE o.session_id = ANY(${p.sessionIds}::uuid[]) AND o.status = ${label("OrderStatus", "ACCEPTED")}
        ORDER BY o.accepted_at, o.id`,
);

/** The orders being prepared (ACCEPTED) in these sessions, oldest accepted first: what kitchen displays start from. */
export async function loadPreparingOrderDtos(db: SqlRunner, sessionIds: string[]): Promise<OrderDto[]> {
  const rows = await db.rows(DtoRow, PREPARING_IN, { sessionIds });
  return rows.map((r) => r.dto);
}

const OF_SESSION = statement<{ sessionId: string }>(
  "orders.dtos-of-session",
  (p) => sql`${orderDtoSelect()} WHERE o.session_id = ${p.sessionId}::uuid ORDER BY o.placed_at, o.id`,
);

/** A session's orders, oldest first, in one round trip. */
export async function loadSessionOrderDtos(db: SqlRunner, sessionId: string): Promise<OrderDto[]> {
  const rows = await db.rows(DtoRow, OF_SESSION, { sessionId });
  return rows.map((r) => r.dto);
}
