/** What the REST API accepts: request bodies and query strings. */
import { z } from "zod";
import { ALLERGENS, DIET_TAGS } from "./allergens.js";
import { DECLARABLE_DIETS } from "./allergies.js";
import { brandColorProblem, normalizeHexColor } from "./brand-color.js";
import { dayCount, MAX_REPORT_DAYS } from "./business-day.js";
import { AdvanceOrderPayload, CancelOrderPayload, PayerKeyField } from "./commands.js";
import { CORRECTION_KINDS, FULL_BPS, MAX_SERVICE_CHARGE_BPS } from "./corrections.js";
import { SessionStatus } from "./dto.js";
import { clientMadeId, note, text, uuidOf } from "./fields.js";
import { LIMITS, MAX_INT32 } from "./limits.js";
import { MENU_LANGUAGES } from "./menu-language.js";
import { KITCHEN_LANGUAGES, PRINTER_CODEPAGES, PRINTER_VIAS } from "./printers.js";
import { RECEIPT_LANGUAGES } from "./receipt-mail.js";
import { CARD_JOIN_CHECKS, RECORDED_PAYMENT_METHODS } from "./session-kinds.js";
import { STAFF_ROLES } from "./staff-roles.js";
import { MAX_TAX_RATE_BPS } from "./tax.js";

const email = z
  .email("must be an email address")
  .max(LIMITS.auth.emailLength)
  .transform((e) => e.toLowerCase());

/** A password an account chooses: long enough to resist guessing, bounded for the hash. */
const newPassword = z
  .string({ error: "must be a password" })
  .min(LIMITS.auth.passwordMin, `must be at least ${LIMITS.auth.passwordMin} characters`)
  .max(LIMITS.auth.passwordLength, `must be at most ${LIMITS.auth.passwordLength} characters`);

export const LoginBody = z.object({
  email,
  password: z
    .string()
    .min(1, "must not be empty")
    .max(LIMITS.auth.passwordLength, `must be at most ${LIMITS.auth.passwordLength} characters`),
  /**
   * What an earlier login with this email gave this device (LoginResponse.deviceToken): a
   * known device keeps its own budget of failed logins when the account's is spent by others.
   */
  deviceToken: z.string().max(LIMITS.auth.deviceTokenLength, "is not a device token").optional(),
  /**
   * Which location's account, when this email and password open accounts at several (an
   * email is unique within a location only); the login's CONFLICT answer names them.
   */
  locationId: uuidOf("a location").optional(),
});
export type LoginBody = z.input<typeof LoginBody>;

const staffRole = z.enum(STAFF_ROLES, `must be one of ${STAFF_ROLES.join(", ")}`);
const staffName = text(LIMITS.auth.displayNameLength);

/** An owner or manager adds an account; it sets its own password through a one-time link. */
export const CreateStaffBody = z.strictObject({ email, displayName: staffName, role: staffRole });
export type CreateStaffBody = z.input<typeof CreateStaffBody>;

/** Changing the role or deactivating ends the account's tokens at once. */
export const UpdateStaffBody = z
  .strictObject({ displayName: staffName, role: staffRole, active: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");
export type UpdateStaffBody = z.input<typeof UpdateStaffBody>;

/** The one-time link's token (from the link's #fragment) and the password chosen. */
export const SetPasswordBody = z.strictObject({
  token: z.string().min(1, "must not be empty").max(LIMITS.auth.setupTokenLength, "is not a setup token"),
  password: newPassword,
});
export type SetPasswordBody = z.input<typeof SetPasswordBody>;

export const SetupTokenQuery = z.strictObject({
  token: z.string().min(1, "must not be empty").max(LIMITS.auth.setupTokenLength, "is not a setup token"),
});

/** Staff change their own password; their other devices are logged out. */
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, "must not be empty").max(LIMITS.auth.passwordLength),
  newPassword,
});
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;

export const StationBody = z.strictObject({ name: text(LIMITS.kitchen.stationNameLength) });
export type StationBody = z.input<typeof StationBody>;

/** A station's capacity: items it prepares at once (1–500); null: none set. */
export const StationCapacityBody = z.strictObject({
  capacity: z
    .number({ error: "must be a number of items" })
    .int("must be a whole number of items")
    .min(1, "must be at least 1")
    .max(500, "must be at most 500")
    .nullable(),
});
export type StationCapacityBody = z.input<typeof StationCapacityBody>;

/** What the phone's cart would take now (POST /api/sessions/estimate): its lines, as the order would send them. */
export const EstimateCartBody = z.strictObject({
  items: z
    .array(z.strictObject({ productId: uuidOf("a product"), quantity: z.number().int().min(1).max(LIMITS.order.maxQuantity) }))
    .min(1, "must contain at least one item")
    .max(LIMITS.order.maxLines),
});
export type EstimateCartBody = z.input<typeof EstimateCartBody>;

const rateBps = z
  .number({ error: "must be a number of basis points (1900 = 19 %)" })
  .int("must be a whole number of basis points (1900 = 19 %, 750 = 7.5 %)")
  .min(0, "must not be negative")
  .max(MAX_TAX_RATE_BPS, `must be at most ${MAX_TAX_RATE_BPS} (${MAX_TAX_RATE_BPS / 100} %)`);
const taxRateFields = { name: text(LIMITS.tax.rateNameLength), rateBps };

/** A new tax rate of the location: its name on receipts ("Standard", "A") and its rate in basis points. */
export const CreateTaxRateBody = z.strictObject(taxRateFields);
export type CreateTaxRateBody = z.input<typeof CreateTaxRateBody>;

/** A tax rate renamed or changed: lines ordered before keep the rate they were ordered at. */
export const UpdateTaxRateBody = z
  .strictObject(taxRateFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");
export type UpdateTaxRateBody = z.input<typeof UpdateTaxRateBody>;

/** A course's name (Drinks, Starters, Mains, Desserts…). */
export const CourseBody = z.strictObject({ name: text(LIMITS.kitchen.courseNameLength) });
export type CourseBody = z.input<typeof CourseBody>;

/** A session on a table (its label defaults to the table's name), or free-standing with a label. */
export const OpenSessionBody = z
  .strictObject({ label: text(LIMITS.session.labelLength).optional(), tableId: uuidOf("a table").optional() })
  .refine((b) => b.label !== undefined || b.tableId !== undefined, { message: "must name a table or give a label", path: ["label"] });
export type OpenSessionBody = z.input<typeof OpenSessionBody>;

/** POST /api/sessions/:id/move: the table the party moves to (free, of the same location). */
export const MoveSessionBody = z.strictObject({ tableId: uuidOf("a table") });
export type MoveSessionBody = z.input<typeof MoveSessionBody>;

/** A staff device's id for one merge, split-off or line move: a retry answers the same, nothing doubles. */
const clientTransferId = clientMadeId(8, 64);

/** POST /api/sessions/:id/merge: this session's party joins another open session of the location. */
export const MergeSessionBody = z.strictObject({ clientMergeId: clientTransferId, intoSessionId: uuidOf("a session") });
export type MergeSessionBody = z.input<typeof MergeSessionBody>;

/** POST /api/sessions/:id/split: these phones and their orders go to a new session on a free table. */
export const SplitSessionBody = z.strictObject({
  clientSplitId: clientTransferId,
  tableId: uuidOf("a table"),
  customerIds: z.array(uuidOf("a phone")).min(1, "choose at least one phone").max(100),
});
export type SplitSessionBody = z.input<typeof SplitSessionBody>;

/** POST /api/sessions/:id/move-lines: lines of one of its orders go to another open session's bill. */
export const MoveLinesBody = z.strictObject({
  clientMoveId: clientTransferId,
  orderId: uuidOf("an order"),
  /** The lines' positions in the order (0-based, as OrderDto.items lists them). */
  positions: z.array(z.number().int().min(0).max(999)).min(1, "choose at least one line").max(100),
  toSessionId: uuidOf("a session"),
});
export type MoveLinesBody = z.input<typeof MoveLinesBody>;

/** POST /api/sessions/follow: a phone's token for a session it was merged or split out of. */
export const FollowSessionBody = z.strictObject({ token: z.string().min(1).max(4096) });
export type FollowSessionBody = z.input<typeof FollowSessionBody>;

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

/** A card-joined phone proving it is at the table with the session's PIN. */
export const VerifyPinBody = z.strictObject({
  pin: z
    .string({ error: "must be the table's PIN" })
    .trim()
    .regex(new RegExp(`^\\d{${LIMITS.presence.pinLength}}$`), `must be the table's ${LIMITS.presence.pinLength}-digit PIN`),
});
export type VerifyPinBody = z.input<typeof VerifyPinBody>;

/**
 * Closing a session. Unfinished orders (placed, accepted, not delivered) refuse the close
 * unless `unfinished` says what to do with them: `finish` delivers the accepted ones,
 * `cancel` cancels them (both cancel orders the kitchen has not checked yet). A bill still
 * due refuses it unless `waiveReason` says why the rest is not paid.
 */
export const CloseSessionBody = z.strictObject({
  unfinished: z.enum(["finish", "cancel"], "must be finish or cancel").optional(),
  /** Why food the kitchen started is cancelled (`unfinished: cancel`); needs `orders.void`. */
  cancelReason: text(LIMITS.order.cancelReasonLength).optional(),
  /** Why what is still due is let go; needs `bill.waive`. */
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
    clientPaymentId: clientMadeId(LIMITS.bill.clientPaymentIdMin, LIMITS.bill.clientPaymentIdMax),
    method: z.enum(RECORDED_PAYMENT_METHODS, "must be CASH, CARD or OTHER"),
    amountCents: cents(MAX_INT32),
    tipCents: cents(LIMITS.bill.maxTipCents).default(0),
    /** Paying for one phone's share; omitted for the table as a whole. */
    customerId: uuidOf("a phone").optional(),
    /**
     * Paying for one payer of a split by item (`seat:2`, `person:3`, or `phone:<id>`, the same
     * as customerId); omitted for the table as a whole.
     */
    payer: PayerKeyField.optional(),
    note: text(LIMITS.bill.noteLength).optional(),
  })
  .refine((b) => b.amountCents > 0 || b.tipCents > 0, {
    message: "must pay something (amountCents or tipCents)",
    path: ["amountCents"],
    // Only once the amounts themselves are valid: one clear message per problem.
    when: (payload) => payload.issues.length === 0,
  });
export type RecordPaymentBody = z.input<typeof RecordPaymentBody>;

/**
 * POST /api/sessions/checkout: a phone pays through the location's provider. The amount is
 * the guest's choice (its share, a chosen sum, the whole bill), never more than is due; the
 * tip is on top. The same clientPaymentId again answers the same checkout (a double tap, a
 * retry after the network dropped): one payment page, one charge.
 */
export const CheckoutBody = z
  .strictObject({
    /** Made by the phone (crypto.randomUUID()); also the provider's idempotency key. */
    clientPaymentId: clientMadeId(LIMITS.bill.clientPaymentIdMin, LIMITS.bill.clientPaymentIdMax),
    amountCents: cents(MAX_INT32),
    tipCents: cents(LIMITS.bill.maxTipCents).default(0),
    /** The phone's page (/t/<card> or /s/<code>): the provider sends the guest back there. */
    returnPath: z.string().regex(/^\/[st]\/[A-Za-z0-9_-]{1,64}$/, "must be the phone's page: /t/<card code> or /s/<join code>"),
    /** The guest's language, for the payment page ("de"); another: the page picks by the browser. */
    language: z
      .string()
      .regex(/^[a-z]{2}$/, "must be a two-letter language code")
      .optional(),
  })
  .refine((b) => b.amountCents > 0, {
    message: "must pay something of the bill (a tip alone is given with a payment)",
    path: ["amountCents"],
    when: (payload) => payload.issues.length === 0,
  });
export type CheckoutBody = z.input<typeof CheckoutBody>;

/**
 * PUT /api/payments/account: the location's Stripe keys (from its dashboard: the secret or a
 * restricted key, and the signing secret of the webhook endpoint that points at
 * /api/payments/webhook/stripe/<location id>).
 */
export const PaymentAccountBody = z.strictObject({
  provider: z.literal("STRIPE", "must be STRIPE"),
  secretKey: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,250}$/, "must be a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…)"),
  webhookSecret: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=_-]{8,250}$/, "must be a webhook signing secret (whsec_…)"),
});
export type PaymentAccountBody = z.input<typeof PaymentAccountBody>;

/**
 * POST /api/sessions/:id/refunds: money given back from one payment, whole or part, with why.
 * Paid online: through the provider (the clientRefundId is its idempotency key); cash or card:
 * recorded. The bill is corrected by the same amount (the lines named are comped; otherwise a
 * discount of the bill), so a refunded bill stays settled and its receipt adds up.
 */
export const RefundBody = z.strictObject({
  /** Made by the staff device; the same id twice refunds once. */
  clientRefundId: clientMadeId(LIMITS.bill.clientPaymentIdMin, LIMITS.bill.clientPaymentIdMax),
  paymentId: uuidOf("a payment"),
  amountCents: cents(MAX_INT32).refine((c) => c > 0, "must be more than 0"),
  reason: note(LIMITS.correction.reasonLength).min(1, "must say why (the guest's complaint, a wrong charge)"),
  /** Bill lines (BillLineDto.key) the refund is for: they are comped with the reason. */
  lineKeys: z.array(z.string().max(100)).max(LIMITS.bill.maxSplit).optional(),
});
export type RefundBody = z.input<typeof RefundBody>;

/**
 * POST /api/sessions/:id/corrections: void, comp or discount one line (orderId + position),
 * or discount the whole bill (neither). Recording the same clientCorrectionId twice records
 * one correction; the same id with other content is a CONFLICT.
 */
export const CorrectionBody = z
  .strictObject({
    /** Made by the staff device (e.g. crypto.randomUUID()). */
    clientCorrectionId: clientMadeId(LIMITS.correction.clientCorrectionIdMin, LIMITS.correction.clientCorrectionIdMax),
    kind: z.enum(CORRECTION_KINDS, `must be one of ${CORRECTION_KINDS.join(", ")}`),
    orderId: uuidOf("an order").optional(),
    position: z.number().int("must be a whole number").min(0, "must not be negative").max(LIMITS.order.maxLines).optional(),
    /** A DISCOUNT's percent in basis points (1 to 10000), or its amount in cents: one of the two. */
    percentBps: z.number().int("must be a whole number of basis points").min(1, "must be at least 1").max(FULL_BPS).optional(),
    amountCents: z.number().int("must be whole cents").min(1, "must be at least 1").max(MAX_INT32).optional(),
    /** Logged and shown on the receipt; required for all but voiding a line the kitchen has not started. */
    reason: note(LIMITS.correction.reasonLength).min(1, "must not be empty").optional(),
    /** A manager's email and password typed on this device, when the correction is beyond this account's role. */
    approval: z.strictObject({ email, password: z.string().min(1, "must not be empty").max(LIMITS.auth.passwordLength) }).optional(),
    /** Required when the line was paid for and the bill would be overpaid (REFUND_REQUIRED names the amount). */
    refund: z
      .strictObject({
        clientPaymentId: clientMadeId(LIMITS.bill.clientPaymentIdMin, LIMITS.bill.clientPaymentIdMax),
        method: z.enum(RECORDED_PAYMENT_METHODS, "must be CASH, CARD or OTHER"),
      })
      .optional(),
  })
  .refine((b) => (b.orderId === undefined) === (b.position === undefined), {
    message: "orderId and position name a line together (neither: the whole bill)",
    path: ["position"],
  })
  .refine((b) => b.kind === "DISCOUNT" || b.orderId !== undefined, {
    message: "only a DISCOUNT applies to the whole bill: name the line (orderId, position)",
    path: ["orderId"],
  })
  .refine(
    (b) =>
      b.kind === "DISCOUNT"
        ? (b.percentBps === undefined) !== (b.amountCents === undefined)
        : b.percentBps === undefined && b.amountCents === undefined,
    {
      message: "a DISCOUNT needs percentBps or amountCents (one of them); VOID and COMP neither",
      path: ["percentBps"],
    },
  );
export type CorrectionBody = z.input<typeof CorrectionBody>;

const ticketMinutes = z
  .number({ error: "must be a number of minutes" })
  .int("must be a whole number of minutes")
  .min(1, "must be at least 1 minute")
  .max(LIMITS.kitchen.maxTicketMinutes, `must be at most ${LIMITS.kitchen.maxTicketMinutes} minutes`);

export const LocationSettingsBody = z
  .strictObject({
    openOnFirstScan: z.boolean(),
    cardJoinCheck: z.enum(CARD_JOIN_CHECKS, "must be PIN, STAFF_APPROVAL or OFF"),
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => isTimeZone(tz), "must be an IANA time zone like Europe/Rome"),
    ticketAmberMinutes: ticketMinutes,
    ticketRedMinutes: ticketMinutes,
    /** Basis points (1250 = 12.5 %): new sessions take it when they open. */
    serviceChargeBps: z
      .number({ error: "must be a number of basis points" })
      .int("must be a whole number of basis points (1250 = 12.5 %)")
      .min(0, "must not be negative")
      .max(MAX_SERVICE_CHARGE_BPS, `must be at most ${MAX_SERVICE_CHARGE_BPS} (${MAX_SERVICE_CHARGE_BPS / 100} %)`),
    /** Printed on every receipt; null clears it. */
    legalName: text(LIMITS.legal.nameLength).nullable(),
    /** Lines (street, postcode and town…): each trimmed, empty ones dropped. Free text's rules (no NUL, no text-direction controls). */
    address: note(LIMITS.legal.addressLength)
      .transform((a) =>
        a
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .join("\n"),
      )
      .refine((a) => a.length > 0, "must not be empty (null clears it)")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters other than the line breaks are what it refuses
      .refine((a) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(a), "must not contain control characters other than line breaks")
      .nullable(),
    taxId: text(LIMITS.legal.taxIdLength).nullable(),
    /** Prices include tax (gross) or tax is added on the bill (net): sessions opened from now on take it. */
    pricesIncludeTax: z.boolean({ error: "must be true (prices include tax) or false (tax is added)" }),
    /** The hour (0–23) the business day starts on the venue's clock; receipts closed from then on count to the new day. */
    dayCutoffHour: z
      .number({ error: "must be an hour from 0 to 23" })
      .int("must be a whole hour from 0 to 23")
      .min(0, "must be an hour from 0 to 23")
      .max(23, "must be an hour from 0 to 23"),
    /** The language the kitchen's tickets print in (the kitchen's, whatever the guests speak). */
    kitchenLanguage: z.enum(KITCHEN_LANGUAGES, `must be one of ${KITCHEN_LANGUAGES.join(", ")}`),
    /** The language the menu's own names and descriptions are written in (phones in others read translations). */
    menuLanguage: z.enum(MENU_LANGUAGES, `must be one of ${MENU_LANGUAGES.join(", ")}`),
    /**
     * The brand colour (#rrggbb or #rgb, any case; stored as #rrggbb): white text on it must
     * pass WCAG AA (brand-color.ts), or the body is refused naming the ratio. null: the app's own.
     */
    brandColor: z
      .string({ error: "must be a colour like #1f6feb" })
      .max(7, "must be a colour like #1f6feb")
      .superRefine((c, ctx) => {
        const problem = brandColorProblem(c);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform((c) => normalizeHexColor(c) as string)
      .nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field")
  .refine((b) => b.ticketAmberMinutes === undefined || b.ticketRedMinutes === undefined || b.ticketAmberMinutes < b.ticketRedMinutes, {
    message: "ticketAmberMinutes must be less than ticketRedMinutes",
    path: ["ticketAmberMinutes"],
  });
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

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;

/**
 * Translations as staff enter them (menu-language.ts): per language, each text within its own
 * bound; an empty text is no translation (the phone falls back). The whole map each time.
 */
const translationsInput = <S extends z.ZodRawShape>(shape: S) =>
  z.partialRecord(z.enum(MENU_LANGUAGES, `must be one of ${MENU_LANGUAGES.join(", ")}`), z.strictObject(shape).partial());

const priceCents = z
  .number({ error: "must be a number of cents" })
  .int("must be a whole number of cents")
  .min(0, "must not be negative")
  .max(LIMITS.product.maxPriceCents, `must be at most ${LIMITS.product.maxPriceCents} cents`);
const stock = z.number().int("must be a whole number").min(0, "must not be negative").max(LIMITS.product.maxStock).nullable();
const optionName = text(LIMITS.product.optionNameLength);

/** An option group as staff edit it: options with an id are kept (and updated), others are new. */
const OptionGroupInput = z
  .strictObject({
    id: uuidOf("an option group").optional(),
    name: optionName,
    translations: translationsInput({ name: z.string().trim().max(LIMITS.product.optionNameLength) }).default({}),
    minChoices: z.number().int("must be a whole number").min(0, "must not be negative"),
    maxChoices: z.number().int("must be a whole number").min(1, "must be at least 1"),
    options: z
      .array(
        z.strictObject({
          id: uuidOf("an option").optional(),
          name: optionName,
          priceDeltaCents: z
            .number({ error: "must be a number of cents" })
            .int("must be a whole number of cents")
            .min(-LIMITS.product.maxPriceCents)
            .max(LIMITS.product.maxPriceCents),
          available: z.boolean().default(true),
          translations: translationsInput({ name: z.string().trim().max(LIMITS.product.optionNameLength) }).default({}),
        }),
      )
      .min(1, "must have at least one option")
      .max(LIMITS.product.maxOptionsPerGroup, `at most ${LIMITS.product.maxOptionsPerGroup} options per group`),
  })
  .refine((g) => g.minChoices <= g.maxChoices, { message: "minChoices must not be more than maxChoices", path: ["minChoices"] })
  .refine((g) => g.maxChoices <= g.options.length, { message: "maxChoices must not be more than its options", path: ["maxChoices"] })
  .refine((g) => new Set(g.options.map((o) => o.name.toLowerCase())).size === g.options.length, {
    message: "must not name two options the same",
    path: ["options"],
  });
export type OptionGroupInput = z.input<typeof OptionGroupInput>;

const productFields = {
  name: text(LIMITS.product.nameLength),
  description: note(LIMITS.product.descriptionLength),
  categoryId: uuidOf("a category"),
  /** Its own tax rate, over its category's; null: the category's. */
  taxRateId: uuidOf("a tax rate").nullable(),
  priceCents,
  available: z.boolean(),
  stock,
  hidden: z.boolean(),
  allergens: z.array(z.enum(ALLERGENS, "must be one of the 14 EU allergens")).refine(unique, "must list each allergen once"),
  tags: z.array(z.enum(DIET_TAGS, `must be one of ${DIET_TAGS.join(", ")}`)).refine(unique, "must list each tag once"),
  /** The name and description in other languages (the phones' menu). */
  translations: translationsInput({
    name: z.string().trim().max(LIMITS.product.nameLength),
    description: z.string().trim().max(LIMITS.product.descriptionLength),
  }),
  optionGroups: z
    .array(OptionGroupInput)
    .max(LIMITS.product.maxOptionGroups, `at most ${LIMITS.product.maxOptionGroups} option groups`)
    .refine((gs) => new Set(gs.map((g) => g.name.toLowerCase())).size === gs.length, "must not name two groups the same")
    // An id names one group, and one option in one group: the same id twice would move the
    // option (or merge the groups) and leave a group short of its choices (issue 30).
    .superRefine((gs, ctx) => {
      const group = repeatedId(gs.map((g) => g.id));
      if (group) ctx.addIssue({ code: "custom", message: `group ${group} is listed twice` });
      const option = repeatedId(gs.flatMap((g) => g.options.map((o) => o.id)));
      if (option)
        ctx.addIssue({ code: "custom", message: `option ${option} is in two groups, or twice in one: an option belongs to one group` });
    }),
};

/** The first id that appears twice (ids left out are new and never repeat), or null. */
function repeatedId(ids: readonly (string | undefined)[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (id === undefined) continue;
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

export const CreateProductBody = z.strictObject({
  ...productFields,
  description: productFields.description.default(""),
  taxRateId: productFields.taxRateId.default(null),
  available: productFields.available.default(true),
  stock: productFields.stock.default(null),
  hidden: productFields.hidden.default(false),
  allergens: productFields.allergens.default([]),
  tags: productFields.tags.default([]),
  translations: productFields.translations.default({}),
  optionGroups: productFields.optionGroups.default([]),
});
export type CreateProductBody = z.input<typeof CreateProductBody>;

/** An edit: the fields that change, and the version the editor saw (an older one is refused). */
export const UpdateProductBody = z
  .strictObject({ version: z.number({ error: "must be the version you edited" }).int().min(0), ...productFields })
  .partial({ ...Object.fromEntries(Object.keys(productFields).map((k) => [k, true])) } as { [K in keyof typeof productFields]: true })
  .refine((b) => Object.keys(b).length > 1, "must change at least one field");
export type UpdateProductBody = z.input<typeof UpdateProductBody>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time like 07:30");
const categoryFields = {
  name: text(LIMITS.category.nameLength),
  /** The station its lines go to; a new category without one goes to the location's first. */
  stationId: uuidOf("a station"),
  /** The course its products' lines get unless a waiter chooses another; null: none. */
  courseId: uuidOf("a course").nullable(),
  /** The tax rate its products are sold at unless they name their own; null: untaxed. */
  taxRateId: uuidOf("a tax rate").nullable(),
  description: note(LIMITS.category.descriptionLength),
  hidden: z.boolean(),
  availableFrom: timeOfDay.nullable(),
  availableUntil: timeOfDay.nullable(),
  /** The name and description in other languages (the phones' menu). */
  translations: translationsInput({
    name: z.string().trim().max(LIMITS.category.nameLength),
    description: z.string().trim().max(LIMITS.category.descriptionLength),
  }),
};
const windowBoth = (b: { availableFrom?: string | null; availableUntil?: string | null }) =>
  (b.availableFrom === undefined) === (b.availableUntil === undefined) && (b.availableFrom === null) === (b.availableUntil === null);
const windowRule = { message: "give both availableFrom and availableUntil, or neither", path: ["availableFrom"] };

export const CreateCategoryBody = z
  .strictObject({
    ...categoryFields,
    stationId: categoryFields.stationId.optional(),
    courseId: categoryFields.courseId.default(null),
    taxRateId: categoryFields.taxRateId.default(null),
    description: categoryFields.description.default(""),
    hidden: categoryFields.hidden.default(false),
    availableFrom: categoryFields.availableFrom.default(null),
    availableUntil: categoryFields.availableUntil.default(null),
    translations: categoryFields.translations.default({}),
  })
  .refine(windowBoth, windowRule);
export type CreateCategoryBody = z.input<typeof CreateCategoryBody>;

export const UpdateCategoryBody = z
  .strictObject(categoryFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field")
  .refine(windowBoth, windowRule);
export type UpdateCategoryBody = z.input<typeof UpdateCategoryBody>;

/** The location's categories in their new order: each category once. */
export const ReorderCategoriesBody = z.strictObject({
  categoryIds: z
    .array(uuidOf("a category"))
    .max(LIMITS.category.maxCategories)
    .refine((ids) => new Set(ids).size === ids.length, "must name each category once"),
});
export type ReorderCategoriesBody = z.input<typeof ReorderCategoriesBody>;

export const AvailabilityBody = z.strictObject({ available: z.boolean() });
export type AvailabilityBody = z.input<typeof AvailabilityBody>;

export const ListProductsQuery = z.strictObject({
  /** Also the archived ones. */
  archived: z.enum(["include", "exclude"]).default("exclude"),
});

/** POST /api/orders/:id/advance: the `order:advance` command's payload, the order named by the path. */
export const AdvanceOrderBody = AdvanceOrderPayload.omit({ orderId: true });
export type AdvanceOrderBody = z.input<typeof AdvanceOrderBody>;

/** POST /api/orders/:id/cancel: the `order:cancel` command's payload, the order named by the path. */
export const CancelOrderBody = CancelOrderPayload.omit({ orderId: true });
export type CancelOrderBody = z.input<typeof CancelOrderBody>;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A business day: a date from year 1 on (PostgreSQL's calendar has no year 0). */
const businessDay = z.iso.date("must be a date like 2026-12-24").refine((d) => !d.startsWith("0000"), "must be a date from year 1 on");

/** GET /api/reports/day: a business day's Z report; today's (by the venue's clock and cut-off) when no date is given. */
export const DayReportQuery = z.strictObject({ date: businessDay.optional() });
export type DayReportQuery = z.input<typeof DayReportQuery>;

/** GET /api/reports and its CSV: business days from–to, both included. */
export const RangeReportQuery = z
  .strictObject({ from: businessDay, to: businessDay })
  .refine((q) => q.from <= q.to, { message: "must not be before from", path: ["to"] })
  .refine((q) => dayCount(q.from, q.to) <= MAX_REPORT_DAYS, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
    path: ["to"],
  });
export type RangeReportQuery = z.input<typeof RangeReportQuery>;

/** POST /api/days/close */
export const CloseDayBody = z.strictObject({
  /** Made by the staff device (e.g. crypto.randomUUID()): a retry returns the same close. */
  clientCloseId: clientMadeId(LIMITS.day.clientCloseIdMin, LIMITS.day.clientCloseIdMax),
  businessDay,
  /**
   * Close although sessions that began on the day (or before) are still open: they are listed
   * in the report and land on the day they close. Without it such a close is refused (OPEN_SESSIONS).
   */
  acknowledgeOpen: z.boolean().default(false),
});
export type CloseDayBody = z.input<typeof CloseDayBody>;

export const DailyStatsQuery = z.strictObject({
  // Year 0 passes ISO 8601's rules but not PostgreSQL's (there is no year 0 in its calendar).
  date: z.iso
    .date("must be a date like 2026-11-21")
    .refine((d) => !d.startsWith("0000"), "must be a date from year 1 on")
    .optional(),
  tz: z.string().max(64).refine(isTimeZone, "must be an IANA time zone like Europe/Rome").default("UTC"),
});

/** Mail a closed session's receipt (issue 33): to one address, in the reader's language, once per clientMailId. */
export const MailReceiptBody = z.strictObject({
  /** Made by the device: the same id again (a double tap, a retry) sends no second mail. */
  clientMailId: clientMadeId(LIMITS.receiptMail.clientMailIdMin, LIMITS.receiptMail.clientMailIdMax),
  to: z
    .email("must be an e-mail address")
    .max(LIMITS.receiptMail.addressLength, `must be at most ${LIMITS.receiptMail.addressLength} characters`),
  language: z.enum(RECEIPT_LANGUAGES, `must be one of ${RECEIPT_LANGUAGES.join(", ")}`).default("en"),
});
export type MailReceiptBody = z.input<typeof MailReceiptBody>;

const printerName = text(LIMITS.printer.nameLength);
/** A host name or IPv4/IPv6 address on the venue's network (no scheme, no port). */
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const printerHost = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(253, "must be at most 253 characters")
  .refine(
    (h) => HOST_NAME.test(h) || z.ipv4().safeParse(h).success || z.ipv6().safeParse(h).success,
    "must be a host name or an IP address, without a scheme or a port",
  );

/** POST /api/printers: a printer by its address on the venue's network. */
export const PrinterBody = z.strictObject({
  name: printerName,
  host: printerHost,
  port: z
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be 1 to 65535")
    .max(65535, "must be 1 to 65535")
    .default(9100),
  paperWidthMm: z.union([z.literal(58), z.literal(80)], "must be 58 or 80").default(80),
  codepage: z.enum(PRINTER_CODEPAGES, `must be one of ${PRINTER_CODEPAGES.join(", ")}`).default("auto"),
  via: z.enum(PRINTER_VIAS, `must be one of ${PRINTER_VIAS.join(", ")}`).default("DIRECT"),
});
export type PrinterBody = z.input<typeof PrinterBody>;

/** PATCH /api/printers/:id: what changes. */
export const UpdatePrinterBody = z
  .strictObject({
    name: printerName,
    host: printerHost,
    port: z
      .number({ error: "must be a port number" })
      .int("must be a whole number")
      .min(1, "must be 1 to 65535")
      .max(65535, "must be 1 to 65535"),
    paperWidthMm: z.union([z.literal(58), z.literal(80)], "must be 58 or 80"),
    codepage: z.enum(PRINTER_CODEPAGES, `must be one of ${PRINTER_CODEPAGES.join(", ")}`),
    via: z.enum(PRINTER_VIAS, `must be one of ${PRINTER_VIAS.join(", ")}`),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "must change at least one field");
export type UpdatePrinterBody = z.input<typeof UpdatePrinterBody>;

/** PUT /api/stations/:id/printers: where the station's tickets print, and its backup printer. */
export const StationPrintersBody = z
  .strictObject({
    printerIds: z
      .array(uuidOf("a printer"))
      .max(LIMITS.printer.maxPerLocation, `must name at most ${LIMITS.printer.maxPerLocation} printers`),
    backupPrinterId: uuidOf("a printer").nullable().default(null),
  })
  .refine((b) => new Set(b.printerIds).size === b.printerIds.length, { message: "must name each printer once", path: ["printerIds"] })
  .refine((b) => !b.backupPrinterId || !b.printerIds.includes(b.backupPrinterId), {
    message: "must be another printer than the station's own",
    path: ["backupPrinterId"],
  });
export type StationPrintersBody = z.input<typeof StationPrintersBody>;

/** PUT /api/printers/receipt: the printer bills and receipts print on (null: none). */
/** Print a session's bill (open) or its receipt (closed) on the location's receipt printer, once per clientPrintId. */
export const PrintDocumentBody = z.strictObject({
  /** Made by the device when staff press Print: the same id again (a double tap, a retry) prints nothing more. */
  clientPrintId: clientMadeId(LIMITS.printer.clientPrintIdMin, LIMITS.printer.clientPrintIdMax),
  document: z.enum(["BILL", "RECEIPT"], "must be BILL or RECEIPT"),
  language: z.enum(RECEIPT_LANGUAGES, `must be one of ${RECEIPT_LANGUAGES.join(", ")}`).default("en"),
});
export type PrintDocumentBody = z.input<typeof PrintDocumentBody>;

export const ReceiptPrinterBody = z.strictObject({ printerId: uuidOf("a printer").nullable() });
export type ReceiptPrinterBody = z.input<typeof ReceiptPrinterBody>;

/**
 * A guest's allergies and diets (PUT /api/sessions/allergies from the phone): the whole
 * declaration each time (sending it twice is the same as once); all empty clears it.
 */
export const DeclareAllergiesBody = z.strictObject({
  allergens: z
    .array(z.enum(ALLERGENS, "must be one of the 14 EU allergens"))
    .max(ALLERGENS.length)
    .refine(unique, "must list each allergen once"),
  diets: z
    .array(z.enum(DECLARABLE_DIETS, `must be one of ${DECLARABLE_DIETS.join(", ")}`))
    .max(DECLARABLE_DIETS.length)
    .refine(unique, "must list each diet once"),
  note: note(LIMITS.allergies.noteLength).nullable().optional(),
});
export type DeclareAllergiesBody = z.input<typeof DeclareAllergiesBody>;

/** Staff record (or correct) a guest's declaration: a seat's (`seat:2`, a guest without a phone) or a phone's (`phone:<id>`). */
export const StaffDeclareAllergiesBody = DeclareAllergiesBody.extend({
  guest: z
    .string({ error: "must be a guest" })
    .transform((k) => k.toLowerCase())
    .refine(
      (k) => /^(?:phone:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|seat:[1-9][0-9]?)$/.test(k),
      "must be a guest: seat:<1-99> or phone:<phone id>",
    ),
});
export type StaffDeclareAllergiesBody = z.input<typeof StaffDeclareAllergiesBody>;
