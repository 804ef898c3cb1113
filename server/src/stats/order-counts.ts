import { z } from "zod";
import { raw, type Sql } from "../db/sql.js";

/** How many orders there are by what happened to them; `accepted` counts every order ever accepted. */
export const OrderCounts = z.strictObject({
  placed: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  delivered: z.number().int(),
  cancelled: z.number().int(),
  failed: z.number().int(),
});
export type OrderCounts = z.output<typeof OrderCounts>;

/** The OrderCounts columns over the orders aliased `o` (count(o.id), so a LEFT JOIN with no order counts 0). */
export const ORDER_COUNT_COLUMNS: Sql = raw(`
  count(o.id)::int AS placed,
  count(o.accepted_at)::int AS accepted,
  count(o.id) FILTER (WHERE o.status = 'REJECTED')::int AS rejected,
  count(o.id) FILTER (WHERE o.status = 'DELIVERED')::int AS delivered,
  count(o.id) FILTER (WHERE o.status = 'CANCELLED')::int AS cancelled,
  count(o.id) FILTER (WHERE o.status = 'FAILED')::int AS failed`);
