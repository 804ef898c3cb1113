import { OrderDto } from "@ordered/contract";
import { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import { AppError } from "../errors.js";
import { orderDtoSelect } from "./order-dto.sql.js";

const OF_LOCATION = statement<{ orderId: string; locationId: string }>(
  "orders.dto-of-location",
  (p) => sql`${orderDtoSelect()} WHERE o.id = ${p.orderId}::uuid
    AND EXISTS (SELECT 1 FROM order_session os WHERE os.id = o.session_id AND os.location_id = ${p.locationId}::uuid)`,
);
const Row = z.strictObject({ dto: OrderDto });

/** One order of the staff's location; another location's order is "not found", like an unknown one. */
export async function getOrder(prisma: PrismaClient, locationId: string, orderId: string): Promise<OrderDto> {
  const row = await sqlOn(prisma).row(Row, OF_LOCATION, { orderId, locationId });
  if (!row) throw AppError.notFound("order");
  return row.dto;
}
