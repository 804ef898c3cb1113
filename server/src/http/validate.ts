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

/** A route parameter that must be a UUID (any case; PostgreSQL's are lower case); anything else cannot name a row, so it is a 404. */
export function idParam(value: unknown, what: string): string {
  const result = z.uuid().safeParse(value);
  if (!result.success) throw AppError.notFound(what);
  return result.data.toLowerCase();
}
