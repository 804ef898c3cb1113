/**
 * The Z report of a business day and the reports over a range of days (issue 33, end of day),
 * as zod schemas; the server builds them from the day's receipts (server/src/days/), each
 * receipt's bill by `billOf`, so every total is the sum of the receipts to the cent.
 * Re-exported by responses.ts (so the OpenAPI document names them).
 *
 * A closed day's report is stored as JSON (day_close.report) and parsed with DayReportDto when
 * read: a field added here later needs a default, or the days closed before it stop parsing.
 */
import { z } from "zod";
import { PAYMENT_METHODS } from "./session-kinds.js";

const id = z.uuid();
const time = z.iso.datetime();
const cents = z.number().int();
const count = z.number().int().min(0);
const day = z.iso.date();

/** One tax rate's part of the day: the sum of each receipt's net, tax and gross at that rate. */
export const ReportTaxDto = z.strictObject({
  rateBps: count,
  name: z.string().nullable(),
  netCents: cents,
  taxCents: cents,
  grossCents: cents,
});
export type ReportTaxDto = z.infer<typeof ReportTaxDto>;

/** One payment method's money: what was taken, what was given back, and the tips (apart). */
export const ReportMethodDto = z.strictObject({
  method: z.enum(PAYMENT_METHODS),
  /** Payments and refunds recorded. */
  count,
  paymentsCents: cents,
  refundsCents: cents,
  /** payments − refunds: what the drawer or the card terminal should hold against bills. */
  netCents: cents,
  tipCents: cents,
});
export type ReportMethodDto = z.infer<typeof ReportMethodDto>;

/**
 * The sums over a set of receipts. Reconciles: linesCents − lineCorrectionsCents = subtotalCents;
 * subtotalCents − billDiscountCents + serviceChargeCents = totalCents = Σ taxes' gross =
 * netCents + taxCents = paidCents + waivedCents (a receipt is closed paid or waived).
 */
export const ReportTotalsDto = z.strictObject({
  currency: z.string(),
  /** Receipts (sessions closed with anything billed or paid), and their numbers from–to. */
  receipts: count,
  firstReceipt: z.number().int().nullable(),
  lastReceipt: z.number().int().nullable(),
  /** The lines at their prices, before any correction. */
  linesCents: cents,
  /** What the lines' own voids, comps and discounts took off. */
  lineCorrectionsCents: cents,
  subtotalCents: cents,
  billDiscountCents: cents,
  serviceChargeCents: cents,
  /** What the receipts billed, tax included. */
  totalCents: cents,
  netCents: cents,
  taxCents: cents,
  taxes: z.array(ReportTaxDto),
  payments: z.array(ReportMethodDto),
  /** Payments less refunds. */
  paidCents: cents,
  refundedCents: cents,
  tipCents: cents,
  waivedCents: cents,
  /** Started food cancelled (whole orders) and voided lines. */
  voidedCents: cents,
  compedCents: cents,
  /** Line and bill discounts, as recorded. */
  discountedCents: cents,
});
export type ReportTotalsDto = z.infer<typeof ReportTotalsDto>;

/** A product's part of the day (the product mix): lines billed, after their own corrections. */
export const ProductMixDto = z.strictObject({
  productId: id.nullable(),
  productName: z.string(),
  category: z.string().nullable(),
  /** Units sold (voided lines left out; comped ones count: they were served). */
  quantity: count,
  grossCents: cents,
  /** What the lines' corrections took off. */
  offCents: cents,
  cents,
});
export type ProductMixDto = z.infer<typeof ProductMixDto>;

export const CategoryMixDto = z.strictObject({ category: z.string().nullable(), quantity: count, cents });
export type CategoryMixDto = z.infer<typeof CategoryMixDto>;

/** A staff member's day: the receipts they closed and the money they recorded. */
export const StaffSalesDto = z.strictObject({
  staffId: id.nullable(),
  name: z.string().nullable(),
  receipts: count,
  /** The totals of the receipts they closed. */
  salesCents: cents,
  /** Payments less refunds they recorded, and the tips with them. */
  paidCents: cents,
  tipCents: cents,
});
export type StaffSalesDto = z.infer<typeof StaffSalesDto>;

/** Receipts closed in an hour of the venue's clock (0–23). */
export const HourSalesDto = z.strictObject({ hour: z.number().int().min(0).max(23), receipts: count, cents });
export type HourSalesDto = z.infer<typeof HourSalesDto>;

export const REPORT_ADJUSTMENT_KINDS = ["VOID", "COMP", "DISCOUNT", "WAIVE", "REFUND"] as const;

/** A void, comp, discount, waiver or refund on one of the day's receipts: what, how much, who and why. */
export const ReportAdjustmentDto = z.strictObject({
  kind: z.enum(REPORT_ADJUSTMENT_KINDS),
  sessionId: id,
  label: z.string(),
  receiptNumber: z.number().int().nullable(),
  /** The line ("2× Diavola"), the order ("Order 3: 2× Diavola"), or null for the whole bill. */
  what: z.string().nullable(),
  amountCents: cents,
  reason: z.string().nullable(),
  by: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** A refund's method. */
  method: z.enum(PAYMENT_METHODS).nullable(),
  at: time,
});
export type ReportAdjustmentDto = z.infer<typeof ReportAdjustmentDto>;

/** A session still open when the day is read or closed: it will land on the day it closes. */
export const ReportOpenSessionDto = z.strictObject({
  sessionId: id,
  label: z.string(),
  openedAt: time,
  totalCents: cents,
  paidCents: cents,
});
export type ReportOpenSessionDto = z.infer<typeof ReportOpenSessionDto>;

export const ReportReceiptDto = z.strictObject({
  sessionId: id,
  number: z.number().int().nullable(),
  label: z.string(),
  closedAt: time,
  closedBy: z.string().nullable(),
  totalCents: cents,
  tipCents: cents,
});
export type ReportReceiptDto = z.infer<typeof ReportReceiptDto>;

/** Who closed a business day, when, and what its receipts were. */
export const DayCloseDto = z.strictObject({
  id,
  clientCloseId: z.string(),
  businessDay: day,
  closedAt: time,
  closedBy: z.string().nullable(),
  firstReceipt: z.number().int().nullable(),
  lastReceipt: z.number().int().nullable(),
  /** Sessions still open at the close (acknowledged by the closer). */
  openSessions: count,
});
export type DayCloseDto = z.infer<typeof DayCloseDto>;

/** The Z report of one business day: live while the day is open, the stored one once it is closed. */
export const DayReportDto = z.strictObject({
  businessDay: day,
  timeZone: z.string(),
  dayCutoffHour: z.number().int().min(0).max(23),
  /** When the day starts and ends (its cut-off hours on the venue's clock). */
  startsAt: time,
  endsAt: time,
  /** Null while the day is open. */
  close: DayCloseDto.nullable(),
  totals: ReportTotalsDto,
  categories: z.array(CategoryMixDto),
  products: z.array(ProductMixDto),
  staff: z.array(StaffSalesDto),
  /** From the cut-off hour round the clock. */
  hours: z.array(HourSalesDto),
  adjustments: z.array(ReportAdjustmentDto),
  openSessions: z.array(ReportOpenSessionDto),
  receipts: z.array(ReportReceiptDto),
});
export type DayReportDto = z.infer<typeof DayReportDto>;

/** One day of a range report. */
export const RangeDayDto = z.strictObject({
  businessDay: day,
  closed: z.boolean(),
  receipts: count,
  netCents: cents,
  taxCents: cents,
  totalCents: cents,
  tipCents: cents,
});
export type RangeDayDto = z.infer<typeof RangeDayDto>;

/** Business days from–to: their totals, each day, each hour of the clock, the product mix. */
export const RangeReportDto = z.strictObject({
  from: day,
  to: day,
  timeZone: z.string(),
  dayCutoffHour: z.number().int().min(0).max(23),
  totals: ReportTotalsDto,
  days: z.array(RangeDayDto),
  hours: z.array(HourSalesDto),
  categories: z.array(CategoryMixDto),
  products: z.array(ProductMixDto),
  staff: z.array(StaffSalesDto),
});
export type RangeReportDto = z.infer<typeof RangeReportDto>;
