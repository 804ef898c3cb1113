import type { PrismaClient } from "../db/prisma.js";
import { poolQuery } from "../db/sql.js";
import type { OrderDto } from "../dto.js";
import { AppError } from "../errors.js";
import { loadOrderDto } from "./order-dto.sql.js";

export async function getOrder(prisma: PrismaClient, locationId: string, orderId: string): Promise<OrderDto> {
  const order = await loadOrderDto(poolQuery(prisma), { id: orderId });
  // Another location's order is "not found", like an unknown one.
  const owner = order && (await prisma.orderSession.findUnique({ where: { id: order.sessionId }, select: { locationId: true } }));
  if (!order || owner?.locationId !== locationId) throw AppError.notFound("order");
  return order;
}
