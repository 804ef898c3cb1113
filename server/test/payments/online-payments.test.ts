// Issue 33, item 2: a guest pays on the phone through Stripe — the official SDK against the
// stand-in (tools/stripe-standin.ts), which checks what it is sent and signs its webhooks as
// Stripe does. Money is exactly once: a double tap, two instances, webhooks replayed and out
// of order, the phone coming back before the webhook, the provider's answer lost.
import { randomUUID } from "node:crypto";
import { type BillDto, billOf } from "@ordered/contract";
import { afterAll, beforeAll } from "vitest";
import { reconcileCheckouts } from "../../src/payments/reconcile.js";
import { stripeProviders } from "../../src/payments/stripe-provider.js";
import { type StripeStandin, startStripeStandin, stripeSignature } from "../../src/tools/stripe-standin.js";
import { acceptedOrder } from "../sessions/session-kit.js";
import { eventually, openAndJoin, type TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { type ClientSocket, recorderOf } from "../support/sockets.js";

let stripe: StripeStandin;
beforeAll(async () => {
  stripe = await startStripeStandin({ retryDelaysMs: [100, 200, 400] });
});
afterAll(() => stripe.close());

/** Servers that send the SDK to the stand-in. */
const STRIPE_ENV = () => ({ STRIPE_API_URL: stripe.url });

/** Gives the venue a Stripe account on the stand-in whose webhooks reach `server` (or nowhere). */
async function connectStripe(server: TestServer, venue: Venue, options: { webhooks?: boolean } = {}) {
  const webhookUrl = `${server.url}/api/payments/webhook/stripe/${venue.locationId}`;
  const account = stripe.account({ webhookUrl: options.webhooks === false ? null : webhookUrl });
  const saved = await server.api.route("PUT /api/payments/account", {
    token: venue.staffToken,
    body: { provider: "STRIPE", secretKey: account.secretKey, webhookSecret: account.webhookSecret },
  });
  expect(saved.webhookUrl).toBe(`http://ordered.test/api/payments/webhook/stripe/${venue.locationId}`);
  return { ...account, webhookUrl };
}

type Prisma = Parameters<typeof acceptedOrder>[0];

/** A table with a phone (Ann) and an accepted order of one Diavola (12.50). */
async function tableWithDiavola(
  server: TestServer,
  venue: Venue,
  socket: (s: TestServer, a: { token: string }) => Promise<ClientSocket>,
  prisma: Prisma,
) {
  const table = await openAndJoin(server, venue.staffToken, `Table ${randomUUID().slice(0, 6)}`);
  const phone = await socket(server, { token: table.customerToken });
  const order = await acceptedOrder(prisma, phone, [{ productId: venue.products[1]!.id, quantity: 1 }]);
  return { table, phone, order };
}

const pay = (server: TestServer, token: string, body: { clientPaymentId?: string; amountCents: number; tipCents?: number }) =>
  server.api.route("POST /api/sessions/checkout", {
    token,
    body: {
      clientPaymentId: body.clientPaymentId ?? randomUUID(),
      amountCents: body.amountCents,
      tipCents: body.tipCents ?? 0,
      returnPath: "/s/abcdef",
      language: "de",
    },
  });

async function billOfSession(server: TestServer, token: string, sessionId: string): Promise<BillDto> {
  const detail = await server.api.getSession(token, sessionId);
  return billOf({
    currency: "EUR",
    orders: detail.orders,
    payments: detail.payments,
    corrections: detail.discounts,
    serviceChargeBps: detail.session.serviceChargeBps,
  });
}

describe("paying on the phone through Stripe", () => {
  it("sends the SDK's checkout with the share, the tip, the currency, our metadata and the payment id as idempotency key; the signed webhook records one payment every screen sees", async ({
    startCluster,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const [a, b] = await startCluster(2, { ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    const account = await connectStripe(a!, venue);
    const { table } = await tableWithDiavola(a!, venue, socket, prisma);
    const staffOnB = await socket(b!, { token: venue.staffToken });
    const location = await a!.api.route("GET /api/sessions/current", { token: table.customerToken });
    expect(location.location.onlinePayments).toBe("STRIPE");

    const clientPaymentId = randomUUID();
    const { checkout } = await pay(a!, table.customerToken, { clientPaymentId, amountCents: 1250, tipCents: 150 });
    expect(checkout).toMatchObject({ status: "OPEN", amountCents: 1250, tipCents: 150, currency: "EUR", paymentId: null });
    expect(checkout.url).toMatch(new RegExp(`^${stripe.url}/c/pay/cs_test_`));

    const create = stripe.requests.filter((r) => r.path === "/v1/checkout/sessions" && r.apiKey === account.secretKey);
    expect(create).toHaveLength(1);
    expect(create[0]!.idempotencyKey).toBe(`ordered-checkout-${table.session.id}-${clientPaymentId}`);
    expect(create[0]!.status).toBe(200);
    expect(create[0]!.params).toMatchObject({
      mode: "payment",
      locale: "de",
      success_url: `http://ordered.test/s/abcdef?paid=${clientPaymentId}`,
      cancel_url: `http://ordered.test/s/abcdef?unpaid=${clientPaymentId}`,
      client_reference_id: clientPaymentId,
      metadata: { ordered_session: table.session.id, ordered_checkout: checkout.id, clientPaymentId },
      line_items: [
        { quantity: "1", price_data: { currency: "eur", unit_amount: "1250" } },
        { quantity: "1", price_data: { currency: "eur", unit_amount: "150", product_data: { name: "Tip" } } },
      ],
    });

    const csId = checkout.url!.split("/").at(-1)!;
    stripe.pay(csId);
    const heard = await recorderOf(staffOnB).waitFor("payment:recorded", (e) => e.data.clientPaymentId === clientPaymentId);
    expect(heard.data).toMatchObject({
      method: "ONLINE",
      amountCents: 1250,
      tipCents: 150,
      customerId: table.customerId,
      recordedBy: null,
    });
    expect(heard.data.providerRef).toMatch(/^pi_test_/);
    const bill = await billOfSession(a!, venue.staffToken, table.session.id);
    expect(bill).toMatchObject({ paidCents: 1250, tipCents: 150, dueCents: 0 });

    const back = await a!.api.route("GET /api/sessions/checkouts/:clientPaymentId", {
      token: table.customerToken,
      params: { clientPaymentId },
    });
    expect(back.checkout).toMatchObject({ status: "PAID", paymentId: heard.data.id, url: null });
  });

  it("a double tap on two instances starts one checkout, and the same id with another amount is a CONFLICT", async ({
    startCluster,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const [a, b] = await startCluster(2, { ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    const account = await connectStripe(a!, venue);
    const { table } = await tableWithDiavola(a!, venue, socket, prisma);
    const clientPaymentId = randomUUID();
    const answers = await Promise.all([
      pay(a!, table.customerToken, { clientPaymentId, amountCents: 1250 }),
      pay(b!, table.customerToken, { clientPaymentId, amountCents: 1250 }),
      pay(a!, table.customerToken, { clientPaymentId, amountCents: 1250 }),
    ]);
    expect(new Set(answers.map((x) => x.checkout.id)).size).toBe(1);
    expect(new Set(answers.map((x) => x.checkout.url)).size).toBe(1);
    const created = stripe.requests.filter((r) => r.path === "/v1/checkout/sessions" && r.apiKey === account.secretKey && r.status === 200);
    expect(new Set(created.map((r) => r.idempotencyKey))).toEqual(new Set([`ordered-checkout-${table.session.id}-${clientPaymentId}`]));
    expect(await prisma.checkout.count({ where: { sessionId: table.session.id } })).toBe(1);
    await expect(pay(a!, table.customerToken, { clientPaymentId, amountCents: 1000 })).rejects.toMatchObject({
      status: 409,
      error: { code: "CONFLICT", message: expect.stringContaining("amountCents") },
    });
  });

  it("a checkout asked again a second later (another server, a retry) sends Stripe the very same request", async () => {
    const account = stripe.account({ webhookUrl: null });
    const provider = stripeProviders({ apiUrl: stripe.url })({ provider: "STRIPE", ...account });
    const request = {
      idempotencyKey: `ordered-checkout-${randomUUID()}`,
      amountCents: 900,
      tipCents: 0,
      currency: "EUR",
      description: "Table 9 · Test",
      tipLabel: "Tip",
      successUrl: "http://ordered.test/s/x?paid=1",
      cancelUrl: "http://ordered.test/s/x?unpaid=1",
      locale: "de",
      startedAt: new Date(Date.now() - 500),
      metadata: { clientPaymentId: "1" },
    };
    const first = await provider.createCheckout(request);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await provider.createCheckout(request);
    expect(again.id).toBe(first.id);
    const sent = stripe.requests.filter((r) => r.idempotencyKey === request.idempotencyKey);
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
  });

  it("webhooks replayed twice and out of order change nothing twice; an expired checkout releases its amount", async ({
    startServer,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const server = await startServer({ ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    await connectStripe(server, venue);
    const { table } = await tableWithDiavola(server, venue, socket, prisma);
    stripe.holdWebhooks();
    const first = (await pay(server, table.customerToken, { amountCents: 500 })).checkout;
    const second = (await pay(server, table.customerToken, { amountCents: 700, tipCents: 100 })).checkout;
    // Ann went back from the first page and paid anew: the first was ended at Stripe.
    expect(stripe.checkout(first.url!.split("/").at(-1)!)?.status).toBe("expired");
    stripe.pay(second.url!.split("/").at(-1)!);
    const made = stripe.events.slice(-2);
    expect(made.map((e) => e.type)).toEqual(["checkout.session.expired", "checkout.session.completed"]);
    // Delivered newest first, then each twice more.
    await stripe.releaseWebhooks((events) => [...events].reverse());
    for (const e of made) expect(await stripe.resend(e.id)).toBe(200);
    for (const e of [...made].reverse()) expect(await stripe.resend(e.id)).toBe(200);
    const payments = await prisma.payment.findMany({ where: { sessionId: table.session.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ method: "ONLINE", amountCents: 700, tipCents: 100 });
    const rows = await prisma.checkout.findMany({ where: { sessionId: table.session.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["EXPIRED", "PAID"]);
  });

  it("refuses a webhook whose signature does not verify (wrong secret, tampered body, too old), logs it and stores nothing", async ({
    startServer,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const server = await startServer({ ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    const account = await connectStripe(server, venue, { webhooks: false });
    const { table } = await tableWithDiavola(server, venue, socket, prisma);
    const { checkout } = await pay(server, table.customerToken, { amountCents: 1250 });
    const csId = checkout.url!.split("/").at(-1)!;
    const paid = stripe.pay(csId);
    const body = JSON.stringify({
      id: "evt_forged",
      object: "event",
      type: "checkout.session.completed",
      api_version: "2026-11-18.endive",
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      data: { object: paid },
    });
    const post = (raw: string, signature: string | null) =>
      fetch(account.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
        body: raw,
      });
    const refusals = [
      await post(body, stripeSignature(body, "whsec_somebodyelse")),
      await post(body.replace('"amount_total":1250', '"amount_total":1'), stripeSignature(body, account.webhookSecret)),
      await post(body, stripeSignature(body, account.webhookSecret, Math.floor(Date.now() / 1000) - 3600)),
      await post(body, null),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain("signature");
    }
    expect(await prisma.payment.count({ where: { sessionId: table.session.id } })).toBe(0);
    expect(await prisma.checkout.findFirstOrThrow({ where: { sessionId: table.session.id } })).toMatchObject({ status: "OPEN" });
    // The genuine one, signed with the location's secret, is recorded.
    expect((await post(body, stripeSignature(body, account.webhookSecret))).status).toBe(200);
    expect(await prisma.payment.count({ where: { sessionId: table.session.id } })).toBe(1);
  });

  it("what phones are paying is reserved: another phone, or staff with cash, cannot pay it twice", async ({
    startServer,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const server = await startServer({ ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    await connectStripe(server, venue);
    const { table } = await tableWithDiavola(server, venue, socket, prisma);
    const ben = await server.api.joinSession(table.session.joinCode, "Ben");
    await pay(server, table.customerToken, { amountCents: 1250 });
    await expect(pay(server, ben.token, { amountCents: 100 })).rejects.toMatchObject({
      status: 409,
      error: { code: "OVERPAYMENT", message: expect.stringContaining("12.50 EUR is being paid on another phone") },
    });
    await expect(
      server.api.recordPayment(venue.staffToken, table.session.id, { clientPaymentId: randomUUID(), method: "CASH", amountCents: 1250 }),
    ).rejects.toMatchObject({
      error: { code: "OVERPAYMENT", message: expect.stringContaining("being paid on a phone") },
    });
    await expect(pay(server, ben.token, { amountCents: 30 })).rejects.toMatchObject({ status: 409 });
  });

  it("without webhooks: the phone coming back, the reconciliation sweep and closing the table settle what Stripe knows", async ({
    startServer,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const server = await startServer({ ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    await connectStripe(server, venue, { webhooks: false });
    const { table } = await tableWithDiavola(server, venue, socket, prisma);
    const ben = await server.api.joinSession(table.session.joinCode, "Ben");

    // Ann pays 5.00 and comes back before any webhook: the server asks Stripe.
    const annId = randomUUID();
    const ann = (await pay(server, table.customerToken, { clientPaymentId: annId, amountCents: 500 })).checkout;
    stripe.pay(ann.url!.split("/").at(-1)!);
    const back = await server.api.route("GET /api/sessions/checkouts/:clientPaymentId", {
      token: table.customerToken,
      params: { clientPaymentId: annId },
    });
    expect(back.checkout.status).toBe("PAID");
    // Another phone's payment is not Ann's to read.
    await expect(
      server.api.route("GET /api/sessions/checkouts/:clientPaymentId", { token: ben.token, params: { clientPaymentId: annId } }),
    ).rejects.toMatchObject({ status: 404 });

    // Ben pays 3.00 and closes his browser: the sweep finds it paid.
    const benPay = (await pay(server, ben.token, { amountCents: 300 })).checkout;
    stripe.pay(benPay.url!.split("/").at(-1)!);
    await reconcileCheckouts(server.app.deps, 0);
    expect(await prisma.checkout.findUniqueOrThrow({ where: { id: benPay.id } })).toMatchObject({ status: "PAID" });

    // Ann starts paying the rest and leaves the page open: closing the table ends it at Stripe.
    const rest = (await pay(server, table.customerToken, { amountCents: 450 })).checkout;
    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token: venue.staffToken,
      params: { id: table.session.id },
      body: { waiveReason: "left without paying the rest", unfinished: "finish" },
    });
    expect(closed.receipt.bill).toMatchObject({ paidCents: 800, waivedCents: 450 });
    expect(stripe.checkout(rest.url!.split("/").at(-1)!)?.status).toBe("expired");
    expect(await prisma.checkout.findUniqueOrThrow({ where: { id: rest.id } })).toMatchObject({ status: "EXPIRED" });
    const payments = await prisma.payment.findMany({ where: { sessionId: table.session.id } });
    expect(payments.map((p) => p.amountCents).sort()).toEqual([300, 500]);
  });

  it("refunds through Stripe, whole or part, once per id even when Stripe's answer is lost; the bill stays settled and its total drops", async ({
    startServer,
    prefix,
    worker,
    venue,
    socket,
    prisma,
  }) => {
    expect(worker).toBeDefined();
    const server = await startServer({ ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    const account = await connectStripe(server, venue);
    const { table } = await tableWithDiavola(server, venue, socket, prisma);
    const { checkout } = await pay(server, table.customerToken, { amountCents: 1250, tipCents: 100 });
    stripe.pay(checkout.url!.split("/").at(-1)!);
    const paid = await eventually(
      () => prisma.payment.findFirst({ where: { sessionId: table.session.id, kind: "PAYMENT" } }),
      10_000,
      "the webhook",
    );

    const clientRefundId = randomUUID();
    const refund = { clientRefundId, paymentId: paid.id, amountCents: 450, reason: "the Diavola was cold" };
    // Stripe refunds, and its answers (the SDK's retries too) never arrive: nothing is recorded yet.
    stripe.dropResponses(3);
    await expect(
      server.api.route("POST /api/sessions/:id/refunds", { token: venue.staffToken, params: { id: table.session.id }, body: refund }),
    ).rejects.toMatchObject({
      status: 502,
      error: { code: "PROVIDER_FAILED" },
    });
    expect(await prisma.payment.count({ where: { sessionId: table.session.id, kind: "REFUND" } })).toBe(0);
    // The manager taps again: Stripe answers the refund it made; one refund, recorded once.
    const first = await server.api.route("POST /api/sessions/:id/refunds", {
      token: venue.staffToken,
      params: { id: table.session.id },
      body: refund,
    });
    const again = await server.api.route("POST /api/sessions/:id/refunds", {
      token: venue.staffToken,
      params: { id: table.session.id },
      body: refund,
    });
    expect(again.payment).toEqual(first.payment);
    expect(first.payment).toMatchObject({
      kind: "REFUND",
      method: "ONLINE",
      amountCents: 450,
      refundOf: paid.id,
      note: "the Diavola was cold",
      recordedBy: expect.any(String),
    });
    const refunds = stripe.requests.filter((r) => r.path === "/v1/refunds" && r.apiKey === account.secretKey);
    expect(new Set(refunds.map((r) => r.idempotencyKey))).toEqual(new Set([`ordered-refund-${table.session.id}-${clientRefundId}`]));
    expect(
      stripe.events.filter(
        (e) => e.type === "refund.created" && (e.data.object as { payment_intent: string }).payment_intent === paid.providerRef,
      ),
    ).toHaveLength(1);
    expect(first.payment.providerRef).toMatch(/^re_test_/);

    // More than is left of the payment: refused before Stripe is asked.
    await expect(
      server.api.route("POST /api/sessions/:id/refunds", {
        token: venue.staffToken,
        params: { id: table.session.id },
        body: { ...refund, clientRefundId: randomUUID(), amountCents: 801 },
      }),
    ).rejects.toMatchObject({
      status: 400,
      error: { message: expect.stringContaining("only 8.00 EUR of this payment is left to refund") },
    });

    const bill = await billOfSession(server, venue.staffToken, table.session.id);
    expect(bill).toMatchObject({ subtotalCents: 1250, paymentRefundsCents: 450, totalCents: 800, paidCents: 800, dueCents: 0 });
    const closed = await server.api.route("POST /api/sessions/:id/close", {
      token: venue.staffToken,
      params: { id: table.session.id },
      body: { unfinished: "finish" },
    });
    expect(closed.receipt.bill).toMatchObject({ totalCents: 800, paidCents: 800 });
    // The receipt is handed out and counted in its day: no refund changes it any more.
    await expect(
      server.api.route("POST /api/sessions/:id/refunds", {
        token: venue.staffToken,
        params: { id: table.session.id },
        body: { ...refund, clientRefundId: randomUUID(), amountCents: 100 },
      }),
    ).rejects.toMatchObject({ status: 410, error: { code: "SESSION_CLOSED" } });
  });

  it("a venue without keys takes no payments on phones; the keys are never read back", async ({ startServer, prefix, venue }) => {
    const server = await startServer({ ...STRIPE_ENV(), REDIS_PREFIX: prefix });
    const table = await openAndJoin(server, venue.staffToken, `Table ${randomUUID().slice(0, 6)}`);
    await expect(pay(server, table.customerToken, { amountCents: 100 })).rejects.toMatchObject({
      status: 409,
      error: { code: "PAYMENTS_OFF" },
    });
    const none = await server.api.route("GET /api/payments/account", { token: venue.staffToken });
    expect(none.account).toBeNull();
    await expect(
      server.api.route("PUT /api/payments/account", {
        token: venue.staffToken,
        body: { provider: "STRIPE", secretKey: "pk_live_123", webhookSecret: "whsec_abcdefgh1" },
      }),
    ).rejects.toMatchObject({ status: 400, error: { message: expect.stringContaining("secretKey") } });
    const account = await connectStripe(server, venue);
    const read = await server.api.route("GET /api/payments/account", { token: venue.staffToken });
    expect(read.account).toMatchObject({ provider: "STRIPE", testMode: true, secretKeyHint: `sk_test_…${account.secretKey.slice(-4)}` });
    expect(JSON.stringify(read)).not.toContain(account.secretKey);
    expect(JSON.stringify(read)).not.toContain(account.webhookSecret);
    await server.api.route("DELETE /api/payments/account", { token: venue.staffToken });
    expect((await server.api.route("GET /api/location", { token: venue.staffToken })).location.onlinePayments).toBeNull();
  });
});
