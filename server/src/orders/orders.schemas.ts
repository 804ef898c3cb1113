import { z } from "zod";

/** Most lines one order may have; keeps a single payload's work bounded. */
export const MAX_ORDER_LINES = 30;
/** Most of one product on one line. */
export const MAX_QUANTITY = 50;

export const PlaceOrderInput = z.strictObject({
  clientOrderId: z
    .string()
    .min(8, "must be at least 8 characters")
    .max(64, "must be at most 64 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, '-' and '_'"),
  items: z
    .array(
      z.strictObject({
        productId: z.uuid("must be a product id"),
        quantity: z
          .number({ error: "must be a number" })
          .int("must be a whole number")
          .min(1, "must be at least 1")
          .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
        note: z.string().trim().max(200, "must be at most 200 characters").optional(),
      }),
    )
    .min(1, "must contain at least one item")
    .max(MAX_ORDER_LINES, `too many items: at most ${MAX_ORDER_LINES} lines per order`),
});

export type PlaceOrderInput = z.output<typeof PlaceOrderInput>;

export const AdvanceOrderInput = z.strictObject({
  orderId: z.uuid("must be an order id"),
  to: z.enum(["READY", "DELIVERED"]),
});

export const CancelOrderInput = z.strictObject({
  orderId: z.uuid("must be an order id"),
  reason: z.string().trim().min(1).max(200, "must be at most 200 characters").optional(),
});
