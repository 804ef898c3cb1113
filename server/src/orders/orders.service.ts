import type { PrismaClient } from "../db/prisma.js";
import { orderInclude, toOrderDto, type OrderDto } from "../dto.js";
import { AppError } from "../errors.js";

export async function getOrder(prisma: PrismaClient, locationId: string, orderId: string): Promise<OrderDto> {
  const row = await prisma.order.findFirst({ where: { id: orderId, locationId }, include: orderInclude });
  if (!row) throw AppError.notFound("order");
  return toOrderDto(row);
}
