import type { OrderDto } from "@ordered/contract";
import type { PrismaClient } from "../db/prisma.js";
import { sqlOn } from "../db/sql.js";
import { AppError } from "../errors.js";
import { loadOrderDto } from "./order-dto.sql.js";

/** One order of the staff's location; another location's order is "not found", like an unknown one. */
export async function getOrder(prisma: PrismaClient, locationId: string, orderId: string): Promise<OrderDto> {
  const order = await loadOrderDto(sqlOn(prisma), { id: orderId });
  const owner = order && (await prisma.orderSession.findUnique({ where: { id: order.sessionId }, select: { locationId: true } }));
  if (!order || owner?.locationId !== locationId) throw AppError.notFound("order");
  return order;
}
