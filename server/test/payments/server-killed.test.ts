// Issue 33, item 4: money is exactly once when a server dies. Stripe took the guest's money
// and its webhook finds the only server dead (SIGKILL, no graceful shutdown): Stripe retries,
// the restarted server records the payment, and every later replay changes nothing.
import { randomUUID } from "node:crypto";
import { createApiClient } from "../../src/tools/api-client.js";
import { freePort } from "../../src/tools/free-port.js";
import { startStripeStandin } from "../../src/tools/stripe-standin.js";
import { acceptedOrder } from "../sessions/session-kit.js";
import { eventually, openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

/** Two server processes started through tsx (~5 s each on an idle 2-core machine, more on a busy one) and Stripe's retries. */
describe("a server killed while a guest pays", () => {
  it("Stripe's retried webhook reaches the restarted server: the payment is recorded once, replays change nothing", async ({
    server,
    worker,
    venue,
    socket,
    prisma,
    prefix,
    spawnServer,
    resources,
  }) => {
    expect(worker).toBeDefined();
    // Retries spread over ~15 s, as Stripe's (hours, in production) outlast a restart.
    const stripe = resources.add(await startStripeStandin({ retryDelaysMs: [500, 1000, 2000, 4000, 8000] }), (s) => s.close());
    const port = await freePort();
    const env = { PORT: String(port), STRIPE_API_URL: stripe.url, REDIS_PREFIX: prefix };
    const first = await spawnServer(env);
    const account = stripe.account({ webhookUrl: `${first.url}/api/payments/webhook/stripe/${venue.locationId}` });
    await server.api.route("PUT /api/payments/account", {
      token: venue.staffToken,
      body: { provider: "STRIPE", secretKey: account.secretKey, webhookSecret: account.webhookSecret },
    });
    const table = await openAndJoin(server, venue.staffToken, `Table ${randomUUID().slice(0, 6)}`);
    const phone = await socket(server, { token: table.customerToken });
    await acceptedOrder(prisma, phone, [{ productId: venue.products[1]!.id, quantity: 1 }]);

    const clientPaymentId = randomUUID();
    const { checkout } = await createApiClient(first.url).route("POST /api/sessions/checkout", {
      token: table.customerToken,
      body: { clientPaymentId, amountCents: 1250, tipCents: 100, returnPath: "/s/abcdef" },
    });
    await first.kill();
    stripe.pay(checkout.url!.split("/").at(-1)!);
    await eventually(async () => stripe.deliveries.some((d) => d.status === null), 5_000, "a delivery to the dead server");
    expect(await prisma.payment.count({ where: { sessionId: table.session.id } })).toBe(0);

    await spawnServer(env);
    const recorded = await eventually(
      () => prisma.payment.findFirst({ where: { sessionId: table.session.id, clientPaymentId } }),
      20_000,
      "the retried webhook",
    );
    expect(recorded).toMatchObject({ method: "ONLINE", amountCents: 1250, tipCents: 100 });
    for (const e of stripe.events) expect(await stripe.resend(e.id)).toBe(200);
    expect(await prisma.payment.count({ where: { sessionId: table.session.id } })).toBe(1);
    expect(await prisma.checkout.findFirstOrThrow({ where: { sessionId: table.session.id } })).toMatchObject({
      status: "PAID",
      paymentId: recorded.id,
    });
  }, 90_000);
});
