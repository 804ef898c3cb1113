import { z } from "zod";
import { AppError, describeZodError } from "../errors.js";

/**
 * Validates a request part at the edge; services only ever see parsed data.
 * The error message names the part and field ("body.label: Too big: ...").
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const prefixed = new z.ZodError(result.error.issues.map((i) => ({ ...i, path: [where, ...i.path] })));
  throw new AppError("VALIDATION_FAILED", describeZodError(prefixed));
}
