/**
 * A local stand-in for the part of Stripe's API that Ordered uses, for the tests and for
 * trying pay-on-the-phone without a Stripe account (`npm run stripe-standin -w server`). The
 * official SDK talks to it through its `host`/`port`/`protocol` settings, exactly as to
 * api.stripe.com: form-encoded bodies, `Authorization: Bearer sk_test_…`, `Idempotency-Key`,
 * Stripe's error shapes. It checks what it is sent (amounts, currency, metadata, idempotency
 * keys reused with other parameters, refunds above what is left) and refuses what Stripe
 * refuses, so a test passes only if the server would work against Stripe.
 *
 * Like Stripe it serves a hosted checkout page (`url` of a Checkout Session), and signs the
 * webhooks it sends (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`), retrying a
 * delivery that was not answered 2xx. Tests can hold webhooks back, deliver them in another
 * order, replay them and read every request it received.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import express, { type Request, type Response } from "express";

/** Stripe's API version the stand-in answers as (the SDK's pinned one). */
const API_VERSION = "2026-11-18.endive";

/** Stripe's smallest charge per currency (minor units): https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts */
export const STRIPE_MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  eur: 50,
  usd: 50,
  gbp: 30,
  chf: 50,
  cad: 50,
  aud: 50,
  dkk: 250,
  sek: 300,
  nok: 300,
  pln: 200,
};

export interface StandinAccount {
  secretKey: string;
  webhookSecret: string;
  /** Where this account's webhooks are sent (Stripe's "webhook endpoint"); null: none. */
  webhookUrl: string | null;
}

/** One API request as the stand-in received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  apiKey: string | null;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  params: Record<string, unknown>;
  status: number;
}

export interface CheckoutSessionObject {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  created: number;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Record<string, string>;
  mode: "payment";
  payment_intent: string | null;
  payment_status: "unpaid" | "paid";
  status: "open" | "complete" | "expired";
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  line_items_sent: { name: string; unit_amount: number; quantity: number }[];
}

interface PaymentIntentRecord {
  id: string;
  amount: number;
  currency: string;
  refunded: number;
  metadata: Record<string, string>;
  checkout: string;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  attempt: number;
  status: number | null;
}

interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  data: { object: unknown };
}

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The `Stripe-Signature` header Stripe sends with a webhook body. */
export function stripeSignature(body: string, secret: string, timestamp = nowSeconds()): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

function str(params: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const v = params[key];
  if (v === undefined || v === "") {
    if (required) throw new StripeError(400, "invalid_request_error", `Missing required param: ${key}.`, key, "parameter_missing");
    return undefined;
  }
  if (typeof v !== "string") throw new StripeError(400, "invalid_request_error", `Invalid string: ${key}`, key);
  return v;
}

function integer(v: unknown, param: string): number {
  if (typeof v !== "string" || !/^-?\d+$/.test(v))
    throw new StripeError(400, "invalid_request_error", `Invalid integer: ${String(v)}`, param);
  return Number(v);
}

/** Stripe's limits on metadata: 50 keys, key ≤ 40 characters, value ≤ 500. */
function metadataOf(v: unknown, param: string): Record<string, string> {
  if (v === undefined || v === "") return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new StripeError(400, "invalid_request_error", "Invalid object", param);
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > 50) throw new StripeError(400, "invalid_request_error", "You can only have up to 50 metadata keys.", param);
  const out: Record<string, string> = {};
  for (const [k, value] of entries) {
    if (k.length > 40)
      throw new StripeError(400, "invalid_request_error", `Metadata key ${k} is longer than 40 characters.`, `${param}[${k}]`);
    if (typeof value !== "string" || value.length > 500) {
      throw new StripeError(
        400,
        "invalid_request_error",
        `Metadata values must be strings of up to 500 characters (${k}).`,
        `${param}[${k}]`,
      );
    }
    out[k] = value;
  }
  return out;
}

function lineItemsOf(v: unknown): { name: string; unit_amount: number; quantity: number; currency: string }[] {
  if (!Array.isArray(v) || v.length === 0) {
    throw new StripeError(
      400,
      "invalid_request_error",
      "You must provide at least one of line_items in payment mode.",
      "line_items",
      "parameter_missing",
    );
  }
  return v.map((raw, i) => {
    const item = raw as Record<string, unknown>;
    const p = `line_items[${i}]`;
    const priceData = item.price_data as Record<string, unknown> | undefined;
    if (!priceData) throw new StripeError(400, "invalid_request_error", `Missing required param: ${p}[price_data].`, `${p}[price_data]`);
    const currency = str(priceData, "currency", true) as string;
    if (!/^[a-z]{3}$/.test(currency))
      throw new StripeError(400, "invalid_request_error", `Invalid currency: ${currency}.`, `${p}[price_data][currency]`);
    const unit = integer(priceData.unit_amount, `${p}[price_data][unit_amount]`);
    if (unit < 0)
      throw new StripeError(
        400,
        "invalid_request_error",
        "This value must be greater than or equal to 0.",
        `${p}[price_data][unit_amount]`,
      );
    const product = priceData.product_data as Record<string, unknown> | undefined;
    const name = product ? str(product, "name", true) : undefined;
    if (!name) throw new StripeError(400, "invalid_request_error", `Missing required param: ${p}[price_data][product_data][name].`);
    const quantity = integer(item.quantity, `${p}[quantity]`);
    if (quantity < 1)
      throw new StripeError(400, "invalid_request_error", "This value must be greater than or equal to 1.", `${p}[quantity]`);
    return { name, unit_amount: unit, quantity, currency };
  });
}

export interface StripeStandin {
  /** http://127.0.0.1:<port>: give it to the server as STRIPE_API_URL. */
  readonly url: string;
  /** A new Stripe account (its own keys), sending its webhooks to `webhookUrl`. */
  account(options?: { webhookUrl?: string | null }): StandinAccount;
  /** Every API request received, oldest first (not the hosted page's). */
  readonly requests: ReceivedRequest[];
  /** Every webhook delivery attempt, oldest first. */
  readonly deliveries: WebhookDelivery[];
  /** Every event made (sent or held), oldest first. */
  readonly events: StripeEvent[];
  checkout(id: string): CheckoutSessionObject | undefined;
  /** Pays an open checkout as the hosted page does with a good card (webhook sent unless held). */
  pay(checkoutId: string): CheckoutSessionObject;
  /** Holds webhooks back until `release` (or delivers none while held). */
  holdWebhooks(): void;
  /** Delivers the held webhooks, in the order given by `order` (default: as made), each once. */
  releaseWebhooks(order?: (events: StripeEvent[]) => StripeEvent[]): Promise<void>;
  /**
   * The next `n` API requests are carried out but their answers never reach the caller (the
   * connection is cut): the window where the provider acted and the server died or lost the
   * answer before recording it.
   */
  dropResponses(n: number): void;
  /** Sends an event again, signed anew, as Stripe does when a delivery is retried or resent. */
  resend(eventId: string): Promise<number | null>;
  close(): Promise<void>;
}

/** Starts the stand-in on a free loopback port (or `port`). */
export async function startStripeStandin(options: { port?: number; retryDelaysMs?: number[] } = {}): Promise<StripeStandin> {
  const retryDelays = options.retryDelaysMs ?? [200, 500, 1000, 2000];
  const accounts = new Map<string, StandinAccount>();
  const checkouts = new Map<string, CheckoutSessionObject & { account: string }>();
  const intents = new Map<string, PaymentIntentRecord>();
  const idempotency = new Map<string, { params: string; status: number; body: unknown }>();
  const requests: ReceivedRequest[] = [];
  const deliveries: WebhookDelivery[] = [];
  const events: StripeEvent[] = [];
  let held: { event: StripeEvent }[] | null = null;
  let dropping = 0;
  const timers = new Set<NodeJS.Timeout>();
  let base = "";

  const eventAccount = new Map<string, string>();

  async function deliver(event: StripeEvent, accountKey: string, attempt: number, retry = true): Promise<number | null> {
    const account = accounts.get(accountKey);
    if (!account?.webhookUrl) return null;
    const body = JSON.stringify(event);
    let status: number | null = null;
    try {
      const res = await fetch(account.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": stripeSignature(body, account.webhookSecret),
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body,
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = null;
    }
    deliveries.push({ eventId: event.id, type: event.type, attempt, status });
    const delay = retryDelays[attempt - 1];
    if (retry && (status === null || status < 200 || status > 299) && delay !== undefined) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void deliver(event, accountKey, attempt + 1);
      }, delay);
      timers.add(timer);
    }
    return status;
  }

  function emit(accountKey: string, type: string, object: unknown): void {
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      type,
      livemode: false,
      pending_webhooks: 1,
      data: { object: structuredClone(object) },
    };
    events.push(event);
    eventAccount.set(event.id, accountKey);
    if (held) held.push({ event });
    else void deliver(event, accountKey, 1);
  }

  const publicCheckout = ({ account: _account, ...c }: CheckoutSessionObject & { account: string }): CheckoutSessionObject => c;

  function complete(id: string): CheckoutSessionObject {
    const c = checkouts.get(id);
    if (!c) throw new StripeError(404, "invalid_request_error", `No such checkout.session: '${id}'`, "id", "resource_missing");
    if (c.status !== "open") return publicCheckout(c);
    const intent: PaymentIntentRecord = {
      id: newId("pi"),
      amount: c.amount_total,
      currency: c.currency,
      refunded: 0,
      metadata: c.metadata,
      checkout: c.id,
    };
    intents.set(intent.id, intent);
    Object.assign(c, { status: "complete", payment_status: "paid", payment_intent: intent.id, url: null });
    emit(c.account, "checkout.session.completed", publicCheckout(c));
    return publicCheckout(c);
  }

  const api: Record<string, (key: string, params: Record<string, unknown>, id?: string) => unknown> = {
    "POST /v1/checkout/sessions": (key, params) => {
      const mode = str(params, "mode", true);
      if (mode !== "payment") throw new StripeError(400, "invalid_request_error", "Ordered's stand-in serves mode=payment only.", "mode");
      const successUrl = str(params, "success_url", true) as string;
      if (!/^https?:\/\//.test(successUrl))
        throw new StripeError(400, "invalid_request_error", "Not a valid URL", "success_url", "url_invalid");
      const items = lineItemsOf(params.line_items);
      const currency = items[0]!.currency;
      if (items.some((i) => i.currency !== currency)) {
        throw new StripeError(400, "invalid_request_error", "All line items must have the same currency.", "line_items");
      }
      const total = items.reduce((sum, i) => sum + i.unit_amount * i.quantity, 0);
      const minimum = STRIPE_MINIMUM_CHARGE[currency] ?? 50;
      if (total < minimum) {
        throw new StripeError(
          400,
          "invalid_request_error",
          `The Checkout Session's total amount due must add up to at least ${minimum} ${currency}`,
          "line_items",
          "amount_too_small",
        );
      }
      const expiresAt = params.expires_at === undefined ? nowSeconds() + 24 * 3600 : integer(params.expires_at, "expires_at");
      const span = expiresAt - nowSeconds();
      if (span < 30 * 60 - 5 || span > 24 * 3600 + 5) {
        throw new StripeError(
          400,
          "invalid_request_error",
          "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
          "expires_at",
        );
      }
      const id = newId("cs");
      const session: CheckoutSessionObject & { account: string } = {
        id,
        object: "checkout.session",
        account: key,
        amount_subtotal: total,
        amount_total: total,
        currency,
        client_reference_id: str(params, "client_reference_id", false) ?? null,
        created: nowSeconds(),
        expires_at: expiresAt,
        livemode: false,
        locale: str(params, "locale", false) ?? null,
        metadata: metadataOf(params.metadata, "metadata"),
        mode: "payment",
        payment_intent: null,
        payment_status: "unpaid",
        status: "open",
        success_url: successUrl,
        cancel_url: str(params, "cancel_url", false) ?? null,
        url: `${base}/c/pay/${id}`,
        line_items_sent: items.map(({ currency: _c, ...i }) => i),
      };
      checkouts.set(id, session);
      return publicCheckout(session);
    },
    "GET /v1/checkout/sessions/:id": (key, _params, id) => {
      const c = checkouts.get(id ?? "");
      if (!c || c.account !== key)
        throw new StripeError(404, "invalid_request_error", `No such checkout.session: '${id}'`, "id", "resource_missing");
      return publicCheckout(c);
    },
    "POST /v1/checkout/sessions/:id/expire": (key, _params, id) => {
      const c = checkouts.get(id ?? "");
      if (!c || c.account !== key)
        throw new StripeError(404, "invalid_request_error", `No such checkout.session: '${id}'`, "id", "resource_missing");
      if (c.status !== "open") {
        throw new StripeError(
          400,
          "invalid_request_error",
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${c.status}".`,
        );
      }
      Object.assign(c, { status: "expired", url: null });
      emit(key, "checkout.session.expired", publicCheckout(c));
      return publicCheckout(c);
    },
    "POST /v1/refunds": (key, params) => {
      const pi = str(params, "payment_intent", true) as string;
      const intent = intents.get(pi);
      if (!intent || checkouts.get(intent.checkout)?.account !== key) {
        throw new StripeError(404, "invalid_request_error", `No such payment_intent: '${pi}'`, "payment_intent", "resource_missing");
      }
      const left = intent.amount - intent.refunded;
      const amount = params.amount === undefined ? left : integer(params.amount, "amount");
      if (left === 0)
        throw new StripeError(
          400,
          "invalid_request_error",
          `Charge for ${pi} has already been refunded.`,
          undefined,
          "charge_already_refunded",
        );
      if (amount < 1 || amount > left) {
        throw new StripeError(
          400,
          "invalid_request_error",
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
          "amount",
        );
      }
      const reason = str(params, "reason", false);
      if (reason && !["duplicate", "fraudulent", "requested_by_customer"].includes(reason)) {
        throw new StripeError(
          400,
          "invalid_request_error",
          `Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer`,
          "reason",
        );
      }
      intent.refunded += amount;
      const refund = {
        id: newId("re"),
        object: "refund",
        amount,
        currency: intent.currency,
        payment_intent: pi,
        reason: reason ?? null,
        metadata: metadataOf(params.metadata, "metadata"),
        status: "succeeded",
        created: nowSeconds(),
      };
      emit(key, "refund.created", refund);
      return refund;
    },
  };

  const app = express();
  app.disable("x-powered-by");
  app.use(express.urlencoded({ extended: true, limit: "256kb" }));

  // The stand-in's own control: a new account for a test or a trial in another process (e2e).
  app.post("/_standin/accounts", express.json(), (req, res) => {
    const webhookUrl = (req.body as { webhookUrl?: unknown } | undefined)?.webhookUrl;
    if (webhookUrl !== undefined && webhookUrl !== null && (typeof webhookUrl !== "string" || !/^https?:\/\//.test(webhookUrl))) {
      return void res.status(400).json({ error: "webhookUrl must be an http(s) URL" });
    }
    res.status(201).json(standin.account({ webhookUrl: (webhookUrl as string | null | undefined) ?? null }));
  });

  // Stripe's API, as the SDK calls it.
  app.all(/^\/v1\/.*/, (req: Request, res: Response) => {
    const auth = req.get("authorization") ?? "";
    const key = auth.startsWith("Bearer ") ? auth.slice(7) : null;
    const idempotencyKey = req.get("idempotency-key") ?? null;
    const params = (req.body ?? {}) as Record<string, unknown>;
    const record: ReceivedRequest = {
      method: req.method,
      path: req.path,
      apiKey: key,
      idempotencyKey,
      stripeVersion: req.get("stripe-version") ?? null,
      params,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, body: unknown) => {
      record.status = status;
      if (dropping > 0) {
        dropping--;
        req.socket.destroy();
        return;
      }
      res.status(status).json(body);
    };
    try {
      if (!key || !accounts.has(key)) {
        throw new StripeError(
          401,
          "invalid_request_error",
          `Invalid API Key provided: ${key ? `${key.slice(0, 8)}***${key.slice(-4)}` : "(none)"}`,
        );
      }
      const idMatch = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(req.path);
      const route = idMatch ? `${req.method} /v1/checkout/sessions/:id${idMatch[2] ?? ""}` : `${req.method} ${req.path}`;
      const handler = api[route];
      if (!handler) throw new StripeError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${req.path}).`);
      if (req.method === "POST" && idempotencyKey) {
        const stored = idempotency.get(`${key} ${idempotencyKey}`);
        const fingerprint = JSON.stringify([route, idMatch?.[1] ?? null, params]);
        if (stored) {
          if (stored.params !== fingerprint) {
            throw new StripeError(
              400,
              "idempotency_error",
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            );
          }
          res.setHeader("Idempotent-Replayed", "true");
          return answer(stored.status, stored.body);
        }
        const body = handler(key, params, idMatch?.[1]);
        idempotency.set(`${key} ${idempotencyKey}`, { params: fingerprint, status: 200, body });
        return answer(200, body);
      }
      answer(200, handler(key, params, idMatch?.[1]));
    } catch (err) {
      if (!(err instanceof StripeError)) throw err;
      answer(err.status, {
        error: {
          type: err.type,
          message: err.message,
          ...(err.param ? { param: err.param } : {}),
          ...(err.code ? { code: err.code } : {}),
        },
      });
    }
  });

  // The hosted checkout page a phone is sent to (Stripe Checkout's `url`).
  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const page = (res: Response, status: number, title: string, body: string) =>
    res
      .status(status)
      .type("html")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
      );
  app.get("/c/pay/:id", (req, res) => {
    const c = checkouts.get(req.params.id);
    if (c?.status !== "open") return page(res, 404, "This checkout is no longer available", "");
    const amount = (c.amount_total / 100).toFixed(2);
    const lines = c.line_items_sent
      .map((i) => `<li>${escapeHtml(i.name)}: ${(i.unit_amount / 100).toFixed(2)} ${c.currency.toUpperCase()}</li>`)
      .join("");
    page(
      res,
      200,
      "Stripe test checkout",
      `<ul>${lines}</ul><p>Total: <strong data-testid="total">${amount} ${c.currency.toUpperCase()}</strong></p>
       <form method="post"><label>Card number <input name="card" inputmode="numeric" autocomplete="cc-number" value=""></label>
       <button type="submit">Pay ${amount} ${c.currency.toUpperCase()}</button></form>
       ${c.cancel_url ? `<p><a href="${escapeHtml(c.cancel_url)}">Back</a></p>` : ""}`,
    );
  });
  app.post("/c/pay/:id", (req, res) => {
    const c = checkouts.get(req.params.id);
    if (c?.status !== "open") return page(res, 404, "This checkout is no longer available", "");
    const card = String((req.body as Record<string, unknown>).card ?? "").replace(/\s/g, "");
    if (card !== "4242424242424242") {
      return page(
        res,
        402,
        "Your card was declined",
        `<p role="alert">Your card was declined. Use the test card 4242 4242 4242 4242.</p><p><a href="/c/pay/${escapeHtml(c.id)}">Try again</a></p>`,
      );
    }
    complete(c.id);
    res.redirect(303, c.success_url.replace("{CHECKOUT_SESSION_ID}", c.id));
  });

  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(options.port ?? 0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standin: StripeStandin = {
    url: base,
    requests,
    deliveries,
    events,
    account(opts = {}) {
      const account: StandinAccount = {
        secretKey: `sk_test_${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`,
        webhookSecret: `whsec_${randomBytes(24).toString("base64url")}`,
        webhookUrl: opts.webhookUrl ?? null,
      };
      accounts.set(account.secretKey, account);
      return account;
    },
    checkout: (id) => {
      const c = checkouts.get(id);
      return c && publicCheckout(c);
    },
    pay: complete,
    holdWebhooks() {
      held ??= [];
    },
    async releaseWebhooks(order) {
      const pending = (held ?? []).map((p) => p.event);
      held = null;
      for (const event of order ? order(pending) : pending) await deliver(event, eventAccount.get(event.id) as string, 1);
    },
    dropResponses(n) {
      dropping = n;
    },
    async resend(eventId) {
      const event = events.find((e) => e.id === eventId);
      if (!event) throw new Error(`no event ${eventId}`);
      // A resend is its own attempt: no retries behind it, so the caller sees its answer.
      return deliver(event, eventAccount.get(eventId) as string, 1, false);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standin;
}
