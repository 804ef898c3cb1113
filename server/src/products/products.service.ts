import type { CreateProductBody, ProductDto, UpdateProductBody } from "@ordered/contract";
import type { z } from "zod";
import type { PrismaClient } from "../db/prisma.js";
import { toProductDto } from "../dto.js";
import { AppError } from "../errors.js";

const menuOrder = [{ category: "asc" }, { name: "asc" }] as const;

export async function listProducts(prisma: PrismaClient, locationId: string): Promise<ProductDto[]> {
  const rows = await prisma.product.findMany({ where: { locationId }, orderBy: [...menuOrder] });
  return rows.map(toProductDto);
}

export async function createProduct(
  prisma: PrismaClient,
  locationId: string,
  input: z.output<typeof CreateProductBody>,
): Promise<ProductDto> {
  const location = await prisma.location.findUniqueOrThrow({ where: { id: locationId } });
  const row = await prisma.product.create({ data: { ...input, locationId, currency: location.currency } });
  return toProductDto(row);
}

/** Updates a product of this location; another location's product is "not found". */
export async function updateProduct(
  prisma: PrismaClient,
  locationId: string,
  productId: string,
  input: z.output<typeof UpdateProductBody>,
): Promise<{ product: ProductDto; availabilityChanged: boolean }> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.product.findFirst({ where: { id: productId, locationId } });
    if (!before) throw AppError.notFound("product");
    const after = await tx.product.update({ where: { id: productId }, data: input });
    return { product: toProductDto(after), availabilityChanged: before.available !== after.available };
  });
}
