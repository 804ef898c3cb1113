import { Prisma, sql, type Query } from "../db/sql.js";
import type { OrderDto } from "../dto.js";

/**
 * The only place an OrderDto is built: one round trip, by PostgreSQL. The hot paths (placing, every pipeline transition) use it instead of
 * an ORM include, which costs a query per relation plus the query compiler's CPU.
 * Timestamps are stored in UTC, so formatting them with a literal Z is exact.
 */
export async function loadOrderDto(q: Query, where: { id: string } | { sessionId: string; clientOrderId: string }): Promise<OrderDto | null> {
  const rows =
    "id" in where
      ? await q<{ dto: OrderDto }>(sql`${ORDER_DTO_SELECT} WHERE o.id = ${where.id}::uuid`)
      : await q<{ dto: OrderDto }>(sql`${ORDER_DTO_SELECT}
          WHERE o.session_id = ${where.sessionId}::uuid AND o.client_order_id = ${where.clientOrderId}`);
  return rows[0]?.dto ?? null;
}

/** The DTO of one order as a SELECT of one `payload` column, for the session log's CTEs. */
export function orderDtoPayload(orderId: string, from?: { order?: Prisma.Sql; shipment?: Prisma.Sql }): Prisma.Sql {
  return sql`SELECT d.dto AS payload FROM (${orderDtoSelect(from)} WHERE o.id = ${orderId}::uuid) d`;
}

/** A session's orders, oldest first, in one round trip. */
export async function loadSessionOrderDtos(q: Query, sessionId: string): Promise<OrderDto[]> {
  const rows = await q<{ dto: OrderDto }>(sql`${ORDER_DTO_SELECT} WHERE o.session_id = ${sessionId}::uuid ORDER BY o.placed_at, o.id`);
  return rows.map((r) => r.dto);
}

// Built once; Prisma.sql fragments compose into the tagged queries above.
const iso = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * The OrderDto SELECT. By default it reads the tables; a transition that has just changed
 * the order or created its shipment in the same statement passes the CTE holding the new
 * row (`RETURNING *`), since a statement does not see its own writes.
 */
export function orderDtoSelect(from: { order?: Prisma.Sql; shipment?: Prisma.Sql } = {}): Prisma.Sql {
  return from.order || from.shipment ? buildOrderDtoSelect(from) : ORDER_DTO_SELECT;
}

function buildOrderDtoSelect(from: { order?: Prisma.Sql; shipment?: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
  SELECT json_build_object(
    'id', o.id,
    'clientOrderId', o.client_order_id,
    'sessionId', o.session_id,
    'customerId', o.customer_id,
    'customerName', c.display_name,
    'status', o.status,
    'statusReason', o.status_reason,
    'totalCents', o.total_cents,
    'currency', o.currency,
    'placedAt', ${iso("o.placed_at")},
    'acceptedAt', ${iso("o.accepted_at")},
    'finishedAt', ${iso("o.finished_at")},
    'items', (
      SELECT coalesce(json_agg(json_build_object(
        'productId', i.product_id,
        'productName', i.product_name,
        'unitPriceCents', i.unit_price_cents,
        'quantity', i.quantity,
        'note', i.note) ORDER BY i.position), '[]'::json)
      FROM order_item i WHERE i.order_id = o.id),
    'shipment', CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object(
      'status', s.status,
      'readyAt', ${iso("s.ready_at")},
      'deliveredAt', ${iso("s.delivered_at")}) END
  ) AS dto
  FROM ${from.order ?? Prisma.raw(`"order"`)} o
  LEFT JOIN customer c ON c.id = o.customer_id
  LEFT JOIN ${from.shipment ?? Prisma.raw("shipment")} s ON s.order_id = o.id`;
}

const ORDER_DTO_SELECT = buildOrderDtoSelect({});
