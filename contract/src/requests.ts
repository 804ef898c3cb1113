/** What the REST API accepts: request bodies and query strings. */
import { z } from "zod";
import { SessionStatus } from "./dto.js";
import { note, text, uuidOf } from "./fields.js";
import { LIMITS, MAX_INT32 } from "./limits.js";
import { PAYMENT_METHODS } from "./seating.js";

export const LoginBody = z.object({
  email: z
    .email("must be an email address")
    .max(LIMITS.auth.emailLength)
    .transform((e) => e.toLowerCase()),
  password: z
    .string()
    .min(1, "must not be empty")
    .max(LIMITS.auth.passwordLength, `must be at most ${LIMITS.auth.passwordLength} characters`),
});
export type LoginBody = z.input<typeof LoginBody>;

/** A session on a table (its label defaults to the table's name), or free-standing with a label. */
export const OpenSessionBody = z
  .strictObject({ label: text(LIMITS.session.labelLength).optional(), tableId: uuidOf("a table").optional() })
  .refine((b) => b.label !== undefined || b.tableId !== undefined, { message: "must name a table or give a label", path: ["label"] });
export type OpenSessionBody = z.input<typeof OpenSessionBody>;

export const ListSessionsQuery = z.strictObject({
  status: SessionStatus.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.session.maxListed).default(100),
});

/** Join with the session's own code (QR modal) or with a table's permanent card: exactly one. */
export const JoinBody = z
  .strictObject({
    joinCode: z.string().trim().min(1, "must not be empty").max(LIMITS.session.joinCodeInputLength, "is not a join code").optional(),
    cardCode: z.string().trim().min(1, "must not be empty").max(LIMITS.table.cardCodeInputLength, "is not a card code").optional(),
    displayName: text(LIMITS.session.displayNameLength).optional(),
  })
  .refine((b) => (b.joinCode === undefined) !== (b.cardCode === undefined), {
    message: "must give either a joinCode or a cardCode",
    path: ["joinCode"],
  });
export type JoinBody = z.input<typeof JoinBody>;

/**
 * Closing a seating. Unfinished orders (placed, accepted, not delivered) refuse the close
 * unless `unfinished` says what to do with them: `finish` delivers the accepted ones,
 * `cancel` cancels them (both cancel orders the kitchen has not checked yet). A bill still
 * due refuses it unless `waiveReason` says why the rest is not paid.
 */
export const CloseSessionBody = z.strictObject({
  unfinished: z.enum(["finish", "cancel"], "must be finish or cancel").optional(),
  waiveReason: text(LIMITS.bill.waiveReasonLength).optional(),
});
export type CloseSessionBody = z.input<typeof CloseSessionBody>;

const cents = (max: number) =>
  z
    .number({ error: "must be a number of cents" })
    .int("must be a whole number of cents")
    .min(0, "must not be negative")
    .max(max, `must be at most ${max} cents`);

export const RecordPaymentBody = z
  .strictObject({
    /** Made by the staff device (e.g. crypto.randomUUID()); recording the same id twice records one payment. */
    clientPaymentId: z
      .string()
      .min(LIMITS.bill.clientPaymentIdMin, `must be at least ${LIMITS.bill.clientPaymentIdMin} characters`)
      .max(LIMITS.bill.clientPaymentIdMax, `must be at most ${LIMITS.bill.clientPaymentIdMax} characters`)
      .regex(/^[A-Za-z0-9_-]+$/, "may only contain letters, digits, '-' and '_'"),
    method: z.enum(PAYMENT_METHODS, "must be CASH, CARD or OTHER"),
    amountCents: cents(MAX_INT32),
    tipCents: cents(LIMITS.bill.maxTipCents).default(0),
    /** Paying for one phone's share; omitted for the table as a whole. */
    customerId: uuidOf("a phone").optional(),
    note: text(LIMITS.bill.noteLength).optional(),
  })
  .refine((b) => b.amountCents > 0 || b.tipCents > 0, {
    message: "must pay something (amountCents or tipCents)",
    path: ["amountCents"],
    // Only once the amounts themselves are valid: one clear message per problem.
    when: (payload) => payload.issues.length === 0,
  });
export type RecordPaymentBody = z.input<typeof RecordPaymentBody>;

export const LocationSettingsBody = z
  .strictObject({ openOnFirstScan: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");
export type LocationSettingsBody = z.input<typeof LocationSettingsBody>;

const seats = z.number().int("must be a whole number").min(1, "must be at least 1").max(LIMITS.table.maxSeats).nullable();

export const CreateTableBody = z.strictObject({
  name: text(LIMITS.table.nameLength),
  area: text(LIMITS.table.areaLength).nullable().default(null),
  seats: seats.default(null),
});
export type CreateTableBody = z.input<typeof CreateTableBody>;

export const UpdateTableBody = z
  .strictObject({ name: text(LIMITS.table.nameLength), area: text(LIMITS.table.areaLength).nullable(), seats })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");
export type UpdateTableBody = z.input<typeof UpdateTableBody>;

/** The location's tables in their new order: every table in use, each once. */
export const ReorderTablesBody = z.strictObject({
  tableIds: z
    .array(uuidOf("a table"))
    .max(LIMITS.table.maxTables)
    .refine((ids) => new Set(ids).size === ids.length, "must name each table once"),
});
export type ReorderTablesBody = z.input<typeof ReorderTablesBody>;

export const ListTablesQuery = z.strictObject({
  /** Also the retired ones (for the history). */
  retired: z.enum(["include", "exclude"]).default("exclude"),
});

const priceCents = z
  .number({ error: "must be a number of cents" })
  .int("must be a whole number of cents")
  .min(0, "must not be negative")
  .max(LIMITS.product.maxPriceCents, `must be at most ${LIMITS.product.maxPriceCents} cents`);
const stock = z.number().int("must be a whole number").min(0, "must not be negative").max(LIMITS.product.maxStock).nullable();
const productFields = {
  name: text(LIMITS.product.nameLength),
  description: note(LIMITS.product.descriptionLength),
  category: text(LIMITS.product.categoryLength),
  priceCents,
  available: z.boolean(),
  stock,
};

export const CreateProductBody = z.strictObject({
  ...productFields,
  description: productFields.description.default(""),
  available: productFields.available.default(true),
  stock: productFields.stock.default(null),
});
export type CreateProductBody = z.input<typeof CreateProductBody>;

export const UpdateProductBody = z
  .strictObject(productFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");
export type UpdateProductBody = z.input<typeof UpdateProductBody>;

export const AvailabilityBody = z.strictObject({ available: z.boolean() });

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const DailyStatsQuery = z.strictObject({
  // Year 0 passes ISO 8601's rules but not PostgreSQL's (there is no year 0 in its calendar).
  date: z.iso
    .date("must be a date like 2026-11-21")
    .refine((d) => !d.startsWith("0000"), "must be a date from year 1 on")
    .optional(),
  tz: z.string().max(64).refine(isTimeZone, "must be an IANA time zone like Europe/Rome").default("UTC"),
});
