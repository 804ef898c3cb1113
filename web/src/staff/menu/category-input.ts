/** The category form's fields as an API body (CreateCategoryBody / UpdateCategoryBody), checked first. */
import { strings } from "../../strings";

export interface CategoryInput {
  name: string;
  description: string;
  /** "HH:MM" in the location's time zone; both or neither. */
  availableFrom: string | null;
  availableUntil: string | null;
  /** The station its lines go to; absent: the server's default (a new category goes to the first station). */
  stationId?: string;
  /** The default course; null: none; absent: unchanged (or none for a new category). */
  courseId?: string | null;
  /** The tax rate its products are sold at; null: untaxed; absent: unchanged (or untaxed for a new category). */
  taxRateId?: string | null;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Trims the fields; an empty window is "always served". One end without the other, or a
 * time that is not HH:MM, is the form's to refuse (with the field to focus); the name's
 * rules (e.g. in use) are the server's.
 */
export function categoryInputOf(fields: {
  name: string;
  description: string;
  from: string;
  until: string;
  /** The station select's value; "" when there is no choice to make. */
  stationId?: string;
  /** The course select's value ("" = none); undefined when the form has no course choice. */
  courseId?: string;
  /** The tax rate select's value ("" = untaxed); undefined when the form has no rate choice. */
  taxRateId?: string;
}): { input: CategoryInput } | { error: string; field: "name" | "from" | "until" } {
  const e = strings.categories.errors;
  const name = fields.name.trim();
  if (!name) return { error: e.name, field: "name" };
  const from = fields.from.trim();
  const until = fields.until.trim();
  if (from && !HHMM.test(from)) return { error: e.time, field: "from" };
  if (until && !HHMM.test(until)) return { error: e.time, field: "until" };
  if (!from !== !until) return { error: e.bothTimes, field: from ? "until" : "from" };
  if (from && from === until) return { error: e.sameTimes, field: "until" };
  const stationId = fields.stationId?.trim();
  return {
    input: {
      name,
      description: fields.description.trim(),
      availableFrom: from || null,
      availableUntil: until || null,
      ...(stationId ? { stationId } : {}),
      ...(fields.courseId === undefined ? {} : { courseId: fields.courseId || null }),
      ...(fields.taxRateId === undefined ? {} : { taxRateId: fields.taxRateId || null }),
    },
  };
}

/** "07:00–11:00", or null for a category served all day. */
export function windowText(c: { availableFrom: string | null; availableUntil: string | null }): string | null {
  return c.availableFrom && c.availableUntil ? `${c.availableFrom}–${c.availableUntil}` : null;
}
