/** What clients send over the socket: the handshake and every command's payload. */
import { z } from "zod";
import { MAX_CLAIM_WEIGHT, parsePayer } from "./bill-split.js";
import { clientMadeId, note, seqNumber, uuidOf } from "./fields.js";
import { BUMP_STEPS } from "./kitchen.js";
import { LIMITS, MAX_INT32 } from "./limits.js";
import { ADVANCE_STEPS, ORDER_VIEWS } from "./order-status.js";
import { ALERT_KINDS, RECORDED_PAYMENT_METHODS } from "./session-kinds.js";

const { order } = LIMITS;

/** What a client sends in the handshake (`io(url, { auth })`). */
export const HandshakeAuth = z.object({
  /** Staff JWT or customer session token. */
  token: z.string({ error: "token required" }).min(1, "token required").max(LIMITS.auth.tokenLength),
  /** Customers: the last session event number seen (0 or absent: replay all). */
  lastSeq: seqNumber.optional(),
  /** Staff: last number seen per session; open sessions not listed are replayed whole. */
  cursors: z
    .record(uuidOf("a session"), seqNumber)
    .refine((c) => Object.keys(c).length <= LIMITS.session.maxCursors, `at most ${LIMITS.session.maxCursors} cursors`)
    .optional(),
});
export type HandshakeAuth = z.input<typeof HandshakeAuth>;

/** One line of an order as a phone sends it. */
const OrderLineInput = z.strictObject({
  productId: uuidOf("a product"),
  quantity: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(order.maxQuantity, `must be at most ${order.maxQuantity}`),
  note: note(order.noteLength).optional(),
  /**
   * The unit price (with the options) the phone showed the guest. When given, a line
   * the server prices otherwise is refused with PRICE_CHANGED: a guest is never charged
   * a price they did not see. The server's own price is what is stored.
   */
  unitPriceCents: z
    .number({ error: "must be a number of cents" })
    .int("must be a whole number of cents")
    .min(0, "must not be negative")
    .max(LIMITS.product.maxUnitPriceCents, `must be at most ${LIMITS.product.maxUnitPriceCents} cents`)
    .optional(),
  /** The options chosen (ids of the product's options); the server checks them and prices them. */
  options: z.array(uuidOf("an option")).max(order.maxOptionsPerLine, `at most ${order.maxOptionsPerLine} options per line`).default([]),
  /**
   * The guest confirmed this dish although it goes against their declared allergies or diets
   * (allergies.ts). A phone's line that conflicts without it is refused with ALLERGY_CONFLICT.
   */
  allergyConfirmed: z.boolean({ error: "must be true or false" }).optional(),
});

const linesOf = <L extends z.ZodType>(line: L) =>
  z.array(line).min(1, "must contain at least one item").max(order.maxLines, `too many items: at most ${order.maxLines} lines per order`);

export const PlaceOrderPayload = z.strictObject({
  /** Made by the phone (e.g. crypto.randomUUID()); the same id always yields the same order. */
  clientOrderId: clientMadeId(order.clientOrderIdMin, order.clientOrderIdMax),
  items: linesOf(OrderLineInput),
});
export type PlaceOrderPayload = z.input<typeof PlaceOrderPayload>;

/**
 * A line as staff enter it (the order pad): a phone's line, plus the guest's seat and the
 * course (absent: the category's default course; null: none). A phone's lines get their
 * category's course and no seat.
 */
export const StaffOrderLineInput = OrderLineInput.extend({
  seat: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(order.maxSeat, `must be at most ${order.maxSeat}`)
    .nullable()
    .optional(),
  courseId: uuidOf("a course").nullable().optional(),
});

/** The body of `POST /api/sessions/:id/orders`: the lines, and the courses to hold at the table. */
export const EnterOrderBody = z.strictObject({
  clientOrderId: PlaceOrderPayload.shape.clientOrderId,
  items: linesOf(StaffOrderLineInput),
  /**
   * Courses of these lines to hold at the table (e.g. the mains, while the starters are
   * eaten): their tickets reach the kitchen held until staff fire them (`course:fire`).
   */
  hold: z.array(uuidOf("a course")).max(order.maxLines, `at most ${order.maxLines} courses`).optional(),
});
export type EnterOrderBody = z.input<typeof EnterOrderBody>;

/**
 * Staff take an order at a table (the waiter's order pad): the same lines as a phone's, onto
 * a session of their location, with an id made by the staff device (a double tap or a retry
 * never doubles). A table may have no phones at all.
 */
export const EnterOrderPayload = EnterOrderBody.extend({ sessionId: uuidOf("a session") });
export type EnterOrderPayload = z.input<typeof EnterOrderPayload>;

export const FocusSessionPayload = z.strictObject({
  sessionId: uuidOf("a session"),
  /** Replay this session's events after this number before live ones. */
  afterSeq: seqNumber.optional(),
});

export const UnfocusSessionPayload = z.strictObject({ sessionId: uuidOf("a session") });

export const AdvanceOrderPayload = z.strictObject({
  orderId: uuidOf("an order"),
  /** The shipment status to move to; must be the next one. */
  to: z.enum(ADVANCE_STEPS),
  /**
   * READY only: the person confirmed marking it ready although a station has not finished
   * its ticket ("Mark ready for the kitchen?"). Without it such a READY is a CONFLICT: the
   * kitchen owns an order until its tickets are ready (docs/architecture.md).
   */
  overrideKitchen: z.boolean().optional(),
});
export type AdvanceOrderPayload = z.input<typeof AdvanceOrderPayload>;

/** The refund that cancelling a paid order records with it: the amount is what was paid for it. */
export const CancelRefund = z.strictObject({
  /** Made by the staff device, like a payment's: a retried cancel records the refund once. */
  clientPaymentId: clientMadeId(LIMITS.bill.clientPaymentIdMin, LIMITS.bill.clientPaymentIdMax),
  method: z.enum(RECORDED_PAYMENT_METHODS, "must be CASH, CARD or OTHER"),
});

export const CancelOrderPayload = z.strictObject({
  orderId: uuidOf("an order"),
  /**
   * What the person saw the order as when they chose to cancel (orderViewOf): if it moved on
   * since (the kitchen made it ready in the meantime), the cancel is refused with CONFLICT.
   */
  seen: z.enum(ORDER_VIEWS, `must be one of ${ORDER_VIEWS.join(", ")}`),
  /** Shown to the customer and logged; required when the kitchen has started the food. */
  reason: note(order.cancelReasonLength).min(1).optional(),
  /** Required when the order was paid for (REFUND_REQUIRED says how much). */
  refund: CancelRefund.optional(),
});
export type CancelOrderPayload = z.input<typeof CancelOrderPayload>;

/** `WAITER`: call a waiter to the table; `BILL`: ask for the bill. */
export const RaiseAlertPayload = z.strictObject({ kind: z.enum(ALERT_KINDS, "must be WAITER or BILL") });
export type RaiseAlertPayload = z.input<typeof RaiseAlertPayload>;

export const AcknowledgeAlertPayload = z.strictObject({ alertId: uuidOf("an alert") });
export type AcknowledgeAlertPayload = z.input<typeof AcknowledgeAlertPayload>;

/** A station moves its ticket one step forward: the step it means (so a second tap changes nothing). */
export const BumpTicketPayload = z.strictObject({
  ticketId: uuidOf("a ticket"),
  to: z.enum(BUMP_STEPS, `must be ${BUMP_STEPS.join(" or ")}`),
});

/**
 * The kitchen read the declared allergies of the guests a ticket's lines are for: every
 * declaration that applies, as it is now, is acknowledged (who, when, what it said). Sending it
 * twice is the same as once. A ticket with such lines starts (bump to PREPARING) only after.
 */
export const AcknowledgeAllergiesPayload = z.strictObject({ ticketId: uuidOf("a ticket") });
export type BumpTicketPayload = z.input<typeof BumpTicketPayload>;

/** Undo a bump: within RECALL_WINDOW_MS of it, the ticket goes back one step. */
export const RecallTicketPayload = z.strictObject({
  ticketId: uuidOf("a ticket"),
  /** The status the ticket has now (what the display shows); a recall of a ticket moved since is refused. */
  from: z.enum(BUMP_STEPS, `must be ${BUMP_STEPS.join(" or ")}`),
});
export type RecallTicketPayload = z.input<typeof RecallTicketPayload>;

/**
 * Hold or fire a course at a table (`course:hold`, `course:fire`): held, its tickets that no
 * station started wait greyed on the kitchen's displays (and its later ones arrive held);
 * fired, they go live with their own clock. Each is idempotent.
 */
export const CourseActionPayload = z.strictObject({
  sessionId: uuidOf("a session"),
  courseId: uuidOf("a course"),
});
export type CourseActionPayload = z.input<typeof CourseActionPayload>;

/** A print bridge's own id (made once by the bridge process): its hold on the printers it serves. */
const bridgeId = clientMadeId(8, 64);

/** `print:next`: a print bridge asks for the next job of its location's bridge printers. */
export const PrintNextPayload = z.strictObject({ bridgeId });
export type PrintNextPayload = z.input<typeof PrintNextPayload>;

/** `print:done`: what became of a job a bridge was given; `sent`: some bytes went out (it may be on paper). */
export const PrintDonePayload = z.strictObject({
  bridgeId,
  jobId: uuidOf("a print job"),
  printed: z.boolean(),
  sent: z.boolean(),
  /** What the printer said was wrong (null when printed). */
  problem: note(300).nullable(),
});
export type PrintDonePayload = z.input<typeof PrintDonePayload>;

/** `printer:report`: a bridge asked a failing printer's status (it had no job for it). */
export const PrinterReportPayload = z.strictObject({
  bridgeId,
  printerId: uuidOf("a printer"),
  problem: note(300).nullable(),
});
export type PrinterReportPayload = z.input<typeof PrinterReportPayload>;

/** A payer's key (bill-split.ts): `phone:<customer id>`, `seat:<1-99>` or `person:<1-99>`. */
export const PayerKeyField = z
  .string({ error: "must be a payer" })
  .transform((k) => k.toLowerCase())
  .refine((k) => parsePayer(k) !== null, "must be a payer: phone:<phone id>, seat:<1-99> or person:<1-99>");

/**
 * Claims on one bill line (split by item): each listed payer's claim becomes `weight` parts
 * of the line (0: the payer lets it go). `replace`: claims of payers not listed go too.
 * A set operation: sending it twice is the same as once.
 */
export const ClaimLinePayload = z.strictObject({
  orderId: uuidOf("an order"),
  position: z
    .number({ error: "must be a line's position" })
    .int("must be a whole number")
    .min(0, "must not be negative")
    .max(MAX_INT32, `must be at most ${MAX_INT32}`),
  claims: z
    .array(
      z.strictObject({
        payer: PayerKeyField,
        weight: z
          .number({ error: "must be a number" })
          .int("must be a whole number")
          .min(0, "must be 0 (let go) to 9")
          .max(MAX_CLAIM_WEIGHT, `must be at most ${MAX_CLAIM_WEIGHT}`),
      }),
    )
    .max(LIMITS.bill.maxClaimsPerLine, `at most ${LIMITS.bill.maxClaimsPerLine} payers per line`)
    .refine((cs) => new Set(cs.map((c) => c.payer)).size === cs.length, "must name each payer once"),
  replace: z.boolean().default(false),
});
export type ClaimLinePayload = z.input<typeof ClaimLinePayload>;

/** Staff: the same, on a session of their location. */
export const AssignLinePayload = ClaimLinePayload.extend({ sessionId: uuidOf("a session") });
export type AssignLinePayload = z.input<typeof AssignLinePayload>;
