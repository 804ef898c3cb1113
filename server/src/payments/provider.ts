/**
 * What Ordered needs of a payment provider: a hosted payment page for an amount (so no card
 * data touches Ordered), its state when asked, cancelling one nobody paid, refunds, and its
 * signed notifications. One implementation so far (stripe-provider.ts); another provider
 * (Adyen, Mollie…) is another file behind this interface.
 */
import type { PaymentProviderName } from "@ordered/contract";

export interface CheckoutRequest {
  /** The provider's idempotency key: the same key always answers the same checkout. */
  idempotencyKey: string;
  /** Against the bill, and the tip on top (two lines on the payment page). */
  amountCents: number;
  tipCents: number;
  /** ISO 4217, as the location stores it ("EUR"). */
  currency: string;
  /** What the guest sees on the page ("Table 4 · Trattoria"), and the tip line's name. */
  description: string;
  tipLabel: string;
  /** Where the provider sends the phone back after paying, or when it gives up. */
  successUrl: string;
  cancelUrl: string;
  /** The guest's language ("de"), for the page. */
  locale: string;
  /**
   * When the checkout was first asked for (stored with it): the page's lifetime counts from this,
   * not from the call, so two servers retrying the same key send the very same request.
   */
  startedAt: Date;
  /** Ours, stored with the payment at the provider (their dashboard, our reconciliation). */
  metadata: Record<string, string>;
}

/** A checkout as the provider sees it. */
export interface ProviderCheckout {
  id: string;
  url: string | null;
  status: "open" | "complete" | "expired";
  /** The money was taken (complete and paid; an async method can complete unpaid first). */
  paid: boolean;
  /** What the provider charged, in minor units (amount + tip), and in which currency ("EUR"). */
  amountTotalCents: number;
  currency: string;
  /** The provider's id of the money taken (Stripe: the payment intent), once paid. */
  paymentRef: string | null;
  metadata: Record<string, string>;
}

export interface RefundRequest {
  idempotencyKey: string;
  paymentRef: string;
  amountCents: number;
  metadata: Record<string, string>;
}

/** What a verified notification says, in Ordered's terms. */
export type ProviderEvent = { id: string; kind: "checkout"; checkout: ProviderCheckout } | { id: string; kind: "ignored"; type: string };

/** The provider refused a request (a bad key, an amount it does not take): its message is for staff. */
export class ProviderRefusal extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ProviderRefusal";
  }
}

/** The notification's signature did not verify: it is refused and nothing is stored. */
export class BadSignature extends Error {
  override name = "BadSignature";
}

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  createCheckout(request: CheckoutRequest): Promise<ProviderCheckout>;
  getCheckout(id: string): Promise<ProviderCheckout>;
  /** Ends an open checkout; answers its state (complete if the guest paid meanwhile). */
  expireCheckout(id: string): Promise<ProviderCheckout>;
  refund(request: RefundRequest): Promise<{ id: string; status: string }>;
  /** Verifies and reads a notification (throws BadSignature). */
  parseWebhook(rawBody: Buffer, signature: string | undefined): ProviderEvent;
}

/** The account a provider is used with: a location's keys (payment_account). */
export interface ProviderAccount {
  provider: PaymentProviderName;
  secretKey: string;
  webhookSecret: string;
}

/** Makes the provider client for an account (one per key, kept: the SDK keeps connections open). */
export type ProviderFactory = (account: ProviderAccount) => PaymentProvider;
