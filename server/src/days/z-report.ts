/**
 * Adds receipts up into a report (issue 33, end of day). Everything is summed from each
 * receipt's bill as `billOf` computed it (report-data.sql.ts), never recomputed over the day:
 * the taxes are each receipt's net/tax/gross per rate added up, so the Z report's totals are
 * the sum of the day's receipts to the cent, whatever the rounding of each.
 */
import {
  type CategoryMixDto,
  type HourSalesDto,
  isVoidedOrder,
  type PaymentMethod,
  type ProductMixDto,
  type ReportAdjustmentDto,
  type ReportMethodDto,
  type ReportOpenSessionDto,
  type ReportReceiptDto,
  type ReportTaxDto,
  type ReportTotalsDto,
  type StaffSalesDto,
} from "@ordered/contract";
import type { BilledSession } from "./report-data.sql.js";

type Totals = Omit<ReportTotalsDto, "taxes" | "payments" | "netCents" | "taxCents">;

function emptyTotals(currency: string): Totals {
  return {
    currency,
    receipts: 0,
    firstReceipt: null,
    lastReceipt: null,
    linesCents: 0,
    lineCorrectionsCents: 0,
    subtotalCents: 0,
    billDiscountCents: 0,
    serviceChargeCents: 0,
    totalCents: 0,
    paidCents: 0,
    refundedCents: 0,
    tipCents: 0,
    waivedCents: 0,
    voidedCents: 0,
    compedCents: 0,
    discountedCents: 0,
  };
}

const ruleKey = (rateBps: number, name: string | null) => `${rateBps}\u0000${name ?? ""}`;

/** The totals of a set of receipts (a day, a range, one day of a range). */
export class TotalsBuilder {
  private totals: Totals;
  private taxes = new Map<string, ReportTaxDto>();
  private methods = new Map<PaymentMethod, ReportMethodDto>();

  constructor(currency: string) {
    this.totals = emptyTotals(currency);
  }

  add({ session, bill, payments }: BilledSession): void {
    const t = this.totals;
    const n = session.receipt_number;
    if (n !== null) {
      t.receipts += 1;
      t.firstReceipt = t.firstReceipt === null ? n : Math.min(t.firstReceipt, n);
      t.lastReceipt = t.lastReceipt === null ? n : Math.max(t.lastReceipt, n);
    }
    t.linesCents += bill.grossCents;
    t.lineCorrectionsCents += bill.grossCents - bill.subtotalCents;
    t.subtotalCents += bill.subtotalCents;
    t.billDiscountCents += bill.billDiscountCents;
    t.serviceChargeCents += bill.serviceChargeCents;
    t.totalCents += bill.totalCents;
    t.paidCents += bill.paidCents;
    t.refundedCents += bill.refundedCents;
    t.tipCents += bill.tipCents;
    t.waivedCents += bill.waivedCents;
    t.voidedCents += bill.voidedCents;
    for (const line of bill.lines) {
      for (const c of line.corrections) {
        if (c.kind === "VOID") t.voidedCents += c.offCents;
        else if (c.kind === "COMP") t.compedCents += c.offCents;
        else t.discountedCents += c.offCents;
      }
    }
    for (const d of bill.discounts) t.discountedCents += d.offCents;
    for (const tax of bill.taxes) {
      const key = ruleKey(tax.rateBps, tax.name);
      const known = this.taxes.get(key);
      if (known) {
        known.netCents += tax.netCents;
        known.taxCents += tax.taxCents;
        known.grossCents += tax.grossCents;
      } else this.taxes.set(key, { ...tax });
    }
    for (const { dto: p } of payments) {
      let m = this.methods.get(p.method);
      if (!m) {
        m = { method: p.method, count: 0, paymentsCents: 0, refundsCents: 0, netCents: 0, tipCents: 0 };
        this.methods.set(p.method, m);
      }
      m.count += 1;
      if (p.kind === "REFUND") m.refundsCents += p.amountCents;
      else m.paymentsCents += p.amountCents;
      m.netCents = m.paymentsCents - m.refundsCents;
      m.tipCents += p.tipCents;
    }
  }

  result(): ReportTotalsDto {
    const taxes = [...this.taxes.values()].sort((a, b) => b.rateBps - a.rateBps || (a.name ?? "").localeCompare(b.name ?? ""));
    const taxCents = taxes.reduce((s, t) => s + t.taxCents, 0);
    return {
      ...this.totals,
      // Each receipt's rates add up to its total (tax.ts), so the day's do to the day's.
      netCents: this.totals.totalCents - taxCents,
      taxCents,
      taxes,
      payments: [...this.methods.values()].sort((a, b) => a.method.localeCompare(b.method)),
    };
  }
}

/** "2× Diavola (Large)" */
const lineText = (quantity: number, name: string, options: readonly string[]) =>
  `${quantity}× ${name}${options.length ? ` (${options.join(", ")})` : ""}`;

/** Everything a Z report lists beside its totals: the mix, staff, hours, adjustments and receipts. */
export class MixBuilder {
  private products = new Map<string, ProductMixDto>();
  private staff = new Map<string, StaffSalesDto>();
  private hours = new Map<number, HourSalesDto>();
  readonly adjustments: ReportAdjustmentDto[] = [];
  readonly receipts: ReportReceiptDto[] = [];

  /** `categoryOf`: each product's category by id; `keepLists`: collect adjustments and receipts (a day), or not (a range). */
  constructor(
    private categoryOf: ReadonlyMap<string, string>,
    private keepLists: boolean,
  ) {}

  add({ session, bill, orders, payments }: BilledSession): void {
    const numbered = session.receipt_number !== null;
    const productOf = new Map<string, string | null>();
    for (const o of orders) for (const i of o.items) productOf.set(`${o.id}:${i.position}`, i.productId);
    for (const line of bill.lines) {
      const productId = productOf.get(`${line.orderId}:${line.position}`) ?? null;
      const key = productId ?? `name:${line.productName}`;
      let p = this.products.get(key);
      if (!p) {
        p = {
          productId,
          productName: line.productName,
          category: productId ? (this.categoryOf.get(productId) ?? null) : null,
          quantity: 0,
          grossCents: 0,
          offCents: 0,
          cents: 0,
        };
        this.products.set(key, p);
      }
      // A voided line was not sold; a comped one was served (for nothing).
      if (!line.corrections.some((c) => c.kind === "VOID")) p.quantity += line.quantity;
      p.grossCents += line.grossCents;
      p.offCents += line.grossCents - line.lineCents;
      p.cents += line.lineCents;
    }
    const staffOf = (staffId: string | null, name: string | null) => {
      const key = staffId ?? `name:${name ?? ""}`;
      let s = this.staff.get(key);
      if (!s) {
        s = { staffId, name, receipts: 0, salesCents: 0, paidCents: 0, tipCents: 0 };
        this.staff.set(key, s);
      }
      return s;
    };
    if (numbered) {
      const closer = staffOf(session.closed_by_id, session.closed_by);
      closer.receipts += 1;
      closer.salesCents += bill.totalCents;
      const hour = session.hour ?? 0;
      const h = this.hours.get(hour) ?? { hour, receipts: 0, cents: 0 };
      h.receipts += 1;
      h.cents += bill.totalCents;
      this.hours.set(hour, h);
    }
    for (const { dto: p, staffId } of payments) {
      const s = staffOf(staffId, p.recordedBy);
      s.paidCents += p.kind === "REFUND" ? -p.amountCents : p.amountCents;
      s.tipCents += p.tipCents;
    }
    if (this.keepLists) this.list({ session, bill, orders, payments });
  }

  private list({ session, bill, orders, payments }: BilledSession): void {
    const base = { sessionId: session.id, label: session.label, receiptNumber: session.receipt_number };
    for (const o of orders) {
      if (!isVoidedOrder(o)) continue;
      this.adjustments.push({
        ...base,
        kind: "VOID",
        what: `Order ${o.number}: ${o.items
          .map((i) =>
            lineText(
              i.quantity,
              i.productName,
              i.options.map((x) => x.name),
            ),
          )
          .join(", ")}`,
        amountCents: o.totalCents,
        reason: o.statusReason,
        by: o.cancelledBy,
        approvedBy: null,
        method: null,
        at: o.finishedAt ?? o.placedAt,
      });
    }
    for (const line of bill.lines) {
      for (const c of line.corrections) {
        this.adjustments.push({
          ...base,
          kind: c.kind,
          what: lineText(line.quantity, line.productName, line.options),
          amountCents: c.offCents,
          reason: c.reason,
          by: c.by,
          approvedBy: c.approvedBy,
          method: null,
          at: c.at,
        });
      }
    }
    for (const d of bill.discounts) {
      this.adjustments.push({
        ...base,
        kind: "DISCOUNT",
        what: null,
        amountCents: d.offCents,
        reason: d.reason,
        by: d.by,
        approvedBy: d.approvedBy,
        method: null,
        at: d.at,
      });
    }
    if (bill.waivedCents > 0 && session.closed_at) {
      this.adjustments.push({
        ...base,
        kind: "WAIVE",
        what: null,
        amountCents: bill.waivedCents,
        reason: session.waive_reason,
        by: session.closed_by,
        approvedBy: null,
        method: null,
        at: session.closed_at,
      });
    }
    for (const { dto: p } of payments) {
      if (p.kind !== "REFUND") continue;
      this.adjustments.push({
        ...base,
        kind: "REFUND",
        what: null,
        amountCents: p.amountCents,
        reason: p.note,
        by: p.recordedBy,
        approvedBy: null,
        method: p.method,
        at: p.recordedAt,
      });
    }
    if (session.receipt_number !== null && session.closed_at) {
      this.receipts.push({
        sessionId: session.id,
        number: session.receipt_number,
        label: session.label,
        closedAt: session.closed_at,
        closedBy: session.closed_by,
        totalCents: bill.totalCents,
        tipCents: bill.tipCents,
      });
    }
  }

  productMix(): ProductMixDto[] {
    return [...this.products.values()].sort(
      (a, b) => b.cents - a.cents || b.quantity - a.quantity || a.productName.localeCompare(b.productName),
    );
  }

  categoryMix(): CategoryMixDto[] {
    const by = new Map<string | null, CategoryMixDto>();
    for (const p of this.products.values()) {
      const c = by.get(p.category) ?? { category: p.category, quantity: 0, cents: 0 };
      c.quantity += p.quantity;
      c.cents += p.cents;
      by.set(p.category, c);
    }
    return [...by.values()].sort((a, b) => b.cents - a.cents || (a.category ?? "").localeCompare(b.category ?? ""));
  }

  staffSales(): StaffSalesDto[] {
    return [...this.staff.values()].sort((a, b) => b.salesCents - a.salesCents || (a.name ?? "").localeCompare(b.name ?? ""));
  }

  /** Every hour of the clock, from the cut-off round to the hour before it (a business day's order). */
  hourly(cutoffHour: number): HourSalesDto[] {
    return Array.from({ length: 24 }, (_, i) => {
      const hour = (cutoffHour + i) % 24;
      return this.hours.get(hour) ?? { hour, receipts: 0, cents: 0 };
    });
  }

  adjustmentsInOrder(): ReportAdjustmentDto[] {
    return [...this.adjustments].sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
  }
}

/** A session still open, as the report warns of it. */
export function openSessionOf({ session, bill }: BilledSession): ReportOpenSessionDto {
  return {
    sessionId: session.id,
    label: session.label,
    openedAt: session.opened_at,
    totalCents: bill.totalCents,
    paidCents: bill.paidCents,
  };
}
