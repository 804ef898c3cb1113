/**
 * The payment provider on Stripe, through its official SDK: Checkout Sessions (Stripe's
 * hosted page: cards, Apple Pay and Google Pay without card data touching Ordered), refunds,
 * and webhooks verified with the SDK (`constructEvent`: the signature and its age).
 *
 * `apiUrl` points the SDK elsewhere than api.stripe.com (its host/port/protocol settings):
 * the tests' stand-in (tools/stripe-standin.ts) or stripe-mock.
 */
import Stripe from "stripe";
import {
  BadSignature,
  type CheckoutRequest,
  type PaymentProvider,
  type ProviderAccount,
  type ProviderCheckout,
  type ProviderEvent,
  type ProviderFactory,
  ProviderRefusal,
} from "./provider.js";

/** Checkout's own languages that Ordered speaks too; any other: Stripe picks by the browser ("auto"). */
const CHECKOUT_LOCALES = new Set(["de", "en", "es", "fr", "it"]);

/**
 * A Checkout Session lives this long from when the phone first asked (Stripe's least is 30 minutes
 * from the call, so a retry of the same key a few minutes later is still accepted); the
 * reconciliation sweep settles it after.
 */
const CHECKOUT_LIFETIME_SECONDS = 35 * 60;

export interface StripeOptions {
  /** e.g. http://127.0.0.1:12111; default: Stripe's API. */
  apiUrl?: string | undefined;
  /** Per request (ms); a phone waits on it, so well below the SDK's 80 s. */
  timeoutMs?: number;
}

function checkoutOf(s: Stripe.Checkout.Session): ProviderCheckout {
  return {
    id: s.id,
    url: s.url ?? null,
    status: s.status === "complete" ? "complete" : s.status === "expired" ? "expired" : "open",
    paid: s.status === "complete" && s.payment_status === "paid",
    amountTotalCents: s.amount_total ?? 0,
    currency: (s.currency ?? "").toUpperCase(),
    paymentRef: typeof s.payment_intent === "string" ? s.payment_intent : (s.payment_intent?.id ?? null),
    metadata: (s.metadata ?? {}) as Record<string, string>,
  };
}

/** Stripe's refusal (a StripeError) as ours, with its message; anything else (the network) as it is. */
async function call<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError && err.type !== "StripeConnectionError" && err.type !== "StripeAPIError") {
      throw new ProviderRefusal(`Stripe refused to ${what}: ${err.message}`, err.statusCode ?? null);
    }
    throw err;
  }
}

class StripeProvider implements PaymentProvider {
  readonly name = "STRIPE" as const;
  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
  ) {}

  createCheckout(r: CheckoutRequest): Promise<ProviderCheckout> {
    const currency = r.currency.toLowerCase();
    const line = (name: string, cents: number) => ({ quantity: 1, price_data: { currency, unit_amount: cents, product_data: { name } } });
    return call("start a payment", async () =>
      checkoutOf(
        await this.stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [line(r.description, r.amountCents), ...(r.tipCents > 0 ? [line(r.tipLabel, r.tipCents)] : [])],
            success_url: r.successUrl,
            cancel_url: r.cancelUrl,
            client_reference_id: r.metadata.clientPaymentId,
            metadata: r.metadata,
            payment_intent_data: { metadata: r.metadata },
            locale: (CHECKOUT_LOCALES.has(r.locale) ? r.locale : "auto") as Stripe.Checkout.SessionCreateParams.Locale,
            expires_at: Math.floor(r.startedAt.getTime() / 1000) + CHECKOUT_LIFETIME_SECONDS,
          },
          { idempotencyKey: r.idempotencyKey },
        ),
      ),
    );
  }

  getCheckout(id: string): Promise<ProviderCheckout> {
    return call("read a payment", async () => checkoutOf(await this.stripe.checkout.sessions.retrieve(id)));
  }

  async expireCheckout(id: string): Promise<ProviderCheckout> {
    try {
      return checkoutOf(await this.stripe.checkout.sessions.expire(id));
    } catch (err) {
      // Not open any more (paid or expired meanwhile): its state is the answer.
      if (err instanceof Stripe.errors.StripeInvalidRequestError) return this.getCheckout(id);
      throw err;
    }
  }

  refund(r: { idempotencyKey: string; paymentRef: string; amountCents: number; metadata: Record<string, string> }) {
    return call("refund", async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: r.paymentRef, amount: r.amountCents, reason: "requested_by_customer", metadata: r.metadata },
        { idempotencyKey: r.idempotencyKey },
      );
      return { id: refund.id, status: refund.status ?? "pending" };
    });
  }

  parseWebhook(rawBody: Buffer, signature: string | undefined): ProviderEvent {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature ?? "", this.webhookSecret);
    } catch (err) {
      throw new BadSignature(err instanceof Error ? err.message : String(err));
    }
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
      case "checkout.session.async_payment_failed":
      case "checkout.session.expired":
        return { id: event.id, kind: "checkout", checkout: checkoutOf(event.data.object) };
      default:
        return { id: event.id, kind: "ignored", type: event.type };
    }
  }
}

/** Stripe clients by secret key: one per location's account, reused. */
export function stripeProviders(options: StripeOptions = {}): ProviderFactory {
  const target = options.apiUrl ? new URL(options.apiUrl) : null;
  const clients = new Map<string, Stripe>();
  return (account: ProviderAccount) => {
    let stripe = clients.get(account.secretKey);
    if (!stripe) {
      stripe = new Stripe(account.secretKey, {
        maxNetworkRetries: 2,
        timeout: options.timeoutMs ?? 15_000,
        telemetry: false,
        appInfo: { name: "Ordered", url: "https://github.com/ordered" },
        ...(target
          ? {
              host: target.hostname,
              port: target.port || (target.protocol === "https:" ? 443 : 80),
              protocol: target.protocol === "http:" ? ("http" as const) : ("https" as const),
            }
          : {}),
      });
      clients.set(account.secretKey, stripe);
    }
    return new StripeProvider(stripe, account.webhookSecret);
  };
}
