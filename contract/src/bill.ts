/**
 * The bill of a session, computed from its orders (their lines' corrections ride on their
 * items), the bill's discounts, its service charge and its payments: one function for the
 * server (closing, payments, receipts) and both apps (the running bill on the panel and
 * every phone), so they never disagree. Integer cents only.
 */
import { billLineKey } from "./bill-split.js";
import { percentOf } from "./corrections.js";
import type { BillDto, BillLineDto, BillShareDto, CorrectionDto, CustomerDto, OrderDto, PaymentDto } from "./dto.js";
import { isBilledOrder, isPendingOrder, isVoidedOrder } from "./order-status.js";
import { billTaxes } from "./tax.js";

export interface BillInput {
  currency: string;
  orders: readonly OrderDto[];
  payments: readonly PaymentDto[];
  /** Names the shares; phones without orders or payments get no share. */
  customers?: readonly Pick<CustomerDto, "id" | "displayName">[];
  waivedCents?: number;
  /**
   * The session's corrections of the whole bill (orderId null; any others are ignored: a
   * line's corrections are read from its order's item). Their offCents were fixed when they
   * were recorded.
   */
  corrections?: readonly CorrectionDto[];
  /** The session's service charge in basis points (SessionDto.serviceChargeBps); 0 when omitted. */
  serviceChargeBps?: number;
  /**
   * Whether the prices include tax (SessionDto.pricesIncludeTax, the location's when the session
   * opened); true when omitted. False: net prices, the bill adds each rate's tax to its total.
   */
  pricesIncludeTax?: boolean;
}

/**
 * What a bill was paid beyond what it owes (after a paid order was cancelled): the refund it
 * needs. Zero for every bill recorded through OVERPAYMENT's check alone.
 */
export function overpaidCents(bill: Pick<BillDto, "paidCents" | "totalCents" | "waivedCents">): number {
  return Math.max(0, bill.paidCents - bill.totalCents - bill.waivedCents);
}

export function billOf(input: BillInput): BillDto {
  const orders = [...input.orders].sort((a, b) => a.placedAt.localeCompare(b.placedAt) || a.id.localeCompare(b.id));
  const lines: BillLineDto[] = [];
  let pendingCents = 0;
  let voidedCents = 0;
  for (const order of orders) {
    if (isPendingOrder(order)) pendingCents += order.totalCents;
    if (isVoidedOrder(order)) voidedCents += order.totalCents;
    if (!isBilledOrder(order)) continue;
    for (const item of order.items) {
      // A line staff moved to another session's bill is billed there (its order there).
      if (item.movedTo) continue;
      const grossCents = item.unitPriceCents * item.quantity;
      const offCents = item.corrections.reduce((sum, c) => sum + c.offCents, 0);
      lines.push({
        key: billLineKey(order.id, item.position),
        orderId: order.id,
        position: item.position,
        customerId: order.customerId,
        productName: item.productName,
        quantity: item.quantity,
        unitPriceCents: item.unitPriceCents,
        grossCents,
        corrections: item.corrections,
        lineCents: Math.max(0, grossCents - offCents),
        taxRateBps: item.taxRateBps ?? 0,
        taxName: item.taxName ?? null,
        options: item.options.map((o) => o.name),
      });
    }
  }
  const names = new Map<string, string | null>(input.customers?.map((c) => [c.id, c.displayName]) ?? []);
  for (const o of orders) if (o.customerId && !names.has(o.customerId)) names.set(o.customerId, o.customerName);
  const shares = new Map<string | null, BillShareDto>();
  const share = (customerId: string | null) => {
    let s = shares.get(customerId);
    if (!s) {
      s = { customerId, displayName: customerId ? (names.get(customerId) ?? null) : null, subtotalCents: 0, paidCents: 0 };
      shares.set(customerId, s);
    }
    return s;
  };
  for (const line of lines) share(line.customerId).subtotalCents += line.lineCents;
  let paidCents = 0;
  let refundedCents = 0;
  let paymentRefundsCents = 0;
  let tipCents = 0;
  for (const p of input.payments) {
    const amount = p.kind === "REFUND" ? -p.amountCents : p.amountCents;
    if (p.kind === "REFUND") refundedCents += p.amountCents;
    // Money given back from a payment (a manager's refund, with its reason): the venue sold
    // that much less. A refund without one (a cancelled, paid order) follows a bill already lowered.
    if (p.kind === "REFUND" && p.refundOf) paymentRefundsCents += p.amountCents;
    paidCents += amount;
    tipCents += p.tipCents;
    // A payment for no phone in particular (cash at the table, an equal split) is the table's:
    // it shows as such, rather than each phone showing nothing paid.
    share(p.customerId ?? null).paidCents += amount;
  }
  const grossCents = lines.reduce((sum, l) => sum + l.grossCents, 0);
  const subtotalCents = lines.reduce((sum, l) => sum + l.lineCents, 0);
  const discounts = (input.corrections ?? []).filter((c) => c.orderId === null).sort((a, b) => a.at.localeCompare(b.at));
  // A line voided after the bill was discounted can leave less than the discount: the bill
  // never goes below zero.
  const billDiscountCents = Math.min(
    subtotalCents,
    discounts.reduce((sum, c) => sum + c.offCents, 0),
  );
  const serviceChargeBps = input.serviceChargeBps ?? 0;
  const serviceChargeCents = percentOf(subtotalCents - billDiscountCents, serviceChargeBps);
  const pricesIncludeTax = input.pricesIncludeTax ?? true;
  const amounts = lines.map((l) => ({ rateBps: l.taxRateBps, name: l.taxName, cents: l.lineCents }));
  // The one tax computation (tax.ts): with gross prices the rates' gross adds up to the total;
  // with net prices their net does, and their tax is added on top, once per rate (issue 33).
  const taxes = billTaxes(amounts, billDiscountCents, serviceChargeCents, pricesIncludeTax, paymentRefundsCents);
  // The tax a net bill adds is taken on what was charged: money given back later comes off the
  // total with the tax it carried (billTaxes), as paid.
  const taxAddedCents = pricesIncludeTax
    ? 0
    : billTaxes(amounts, billDiscountCents, serviceChargeCents, false).reduce((sum, r) => sum + r.taxCents, 0);
  const totalCents = Math.max(0, subtotalCents - billDiscountCents + serviceChargeCents + taxAddedCents - paymentRefundsCents);
  const waivedCents = input.waivedCents ?? 0;
  return {
    currency: input.currency,
    lines,
    shares: [...shares.values()],
    grossCents,
    subtotalCents,
    discounts,
    billDiscountCents,
    serviceChargeBps,
    serviceChargeCents,
    paymentRefundsCents,
    totalCents,
    pendingCents,
    paidCents,
    refundedCents,
    voidedCents,
    tipCents,
    waivedCents,
    dueCents: Math.max(0, totalCents - paidCents - waivedCents),
    taxes,
    pricesIncludeTax,
    taxAddedCents,
  };
}

/**
 * Splits an amount into `parts` shares that add up to it exactly: the first
 * `amount % parts` shares carry one cent more.
 */
export function splitEvenly(amountCents: number, parts: number): number[] {
  if (!Number.isInteger(amountCents) || !Number.isInteger(parts) || parts < 1 || amountCents < 0) {
    throw new RangeError("splitEvenly needs a non-negative whole amount and at least one part");
  }
  const base = Math.floor(amountCents / parts);
  const extra = amountCents % parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** "12.50 EUR": an amount for messages, from integer cents (no float on the way). */
export function centsText(cents: number, currency: string): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")} ${currency}`;
}
