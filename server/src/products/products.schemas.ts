import { z } from "zod";
import { text } from "../http/validate.js";

const priceCents = z
  .number({ error: "must be a number of cents" })
  .int("must be a whole number of cents")
  .min(0, "must not be negative")
  .max(10_000_000, "must be at most 10000000 cents");
const stock = z.number().int("must be a whole number").min(0, "must not be negative").max(1_000_000).nullable();

export const CreateProductBody = z.strictObject({
  name: text(120),
  description: z.string().trim().max(1000, "must be at most 1000 characters").default(""),
  category: text(60),
  priceCents,
  available: z.boolean().default(true),
  stock: stock.default(null),
});

export const UpdateProductBody = z
  .strictObject({
    name: text(120),
    description: z.string().trim().max(1000, "must be at most 1000 characters"),
    category: text(60),
    priceCents,
    available: z.boolean(),
    stock,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");

export const AvailabilityBody = z.strictObject({ available: z.boolean() });

export type CreateProductInput = z.output<typeof CreateProductBody>;
export type UpdateProductInput = z.output<typeof UpdateProductBody>;
