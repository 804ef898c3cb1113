/**
 * The provider's word on a checkout, applied once: PAID records the guest's payment (method
 * ONLINE, under the checkout's client-made id, so no second payment can ever be recorded for
 * it), EXPIRED releases what it reserved. Every path that learns the provider's state comes
 * here — the signed webhook, the phone coming back, closing the session, the reconciliation
 * sweep — and any of them may come twice, late or out of order: under the session's lock a
 * PAID checkout stays PAID, an expired one becomes PAID if the provider says it was paid
 * after all (money taken is recorded, even on a closed bill: staff then see it overpaid).
 */
import type { LoggedEvent } from "@ordered/contract";
import { z } from "zod";
import { label } from "../db/enums.js";
import { CLOCK, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { insertPayment } from "../sessions/payments.js";
import { loadPaymentByClientId, lockSession } from "../sessions/session-extras.sql.js";
import type { PaymentProvider, ProviderCheckout } from "./provider.js";

const OPEN = label("CheckoutStatus", "OPEN");
const PAID = label("CheckoutStatus", "PAID");
const EXPIRED = label("CheckoutStatus", "EXPIRED");

type Deps = Pick<AppDeps, "prisma" | "log" | "publisher">;

/** What settling needs of a checkout row. */
export interface CheckoutRow {
  id: string;
  session_id: string;
  provider_checkout_id: string | null;
}

const Locked = z.strictObject({
  id: z.uuid(),
  session_id: z.uuid(),
  location_id: z.uuid(),
  client_payment_id: z.string(),
  customer_id: z.uuid().nullable(),
  amount_cents: z.number().int(),
  tip_cents: z.number().int(),
  currency: z.string(),
  status: z.enum(["OPEN", "PAID", "EXPIRED"]),
  provider_checkout_id: z.string().nullable(),
});
const WHERE_IS = statement<{ providerCheckoutId: string }>(
  "settle.where-is",
  (p) => sql`SELECT c.id, c.session_id, s.location_id FROM checkout c JOIN order_session s ON s.id = c.session_id
    WHERE c.provider_checkout_id = ${p.providerCheckoutId}`,
);
const Where = z.strictObject({ id: z.uuid(), session_id: z.uuid(), location_id: z.uuid() });
const LOCK = statement<{ id: string }>(
  "settle.lock",
  (
    p,
  ) => sql`SELECT c.id, c.session_id, s.location_id, c.client_payment_id, c.customer_id, c.amount_cents, c.tip_cents, c.currency, c.status,
      c.provider_checkout_id
    FROM checkout c JOIN order_session s ON s.id = c.session_id WHERE c.id = ${p.id}::uuid FOR UPDATE OF c`,
);
const MARK_PAID = statement<{ id: string; paymentId: string }>(
  "settle.mark-paid",
  (p) => sql`UPDATE checkout SET status = ${PAID}, payment_id = ${p.paymentId}::uuid, resolved_at = ${CLOCK} WHERE id = ${p.id}::uuid`,
);
const MARK_EXPIRED = statement<{ id: string }>(
  "settle.mark-expired",
  (p) => sql`UPDATE checkout SET status = ${EXPIRED}, resolved_at = ${CLOCK} WHERE id = ${p.id}::uuid AND status = ${OPEN}`,
);

/** The provider charged something else than the checkout asked: a person must look (logged as an error; the webhook is retried). */
export class ChargeMismatch extends Error {
  override name = "ChargeMismatch";
}

/**
 * Applies the provider's state of one of our checkouts; answers what it logged (to publish),
 * and whether the checkout is known here at all.
 */
export async function settle(deps: Deps, state: ProviderCheckout): Promise<{ known: boolean; events: LoggedEvent[] }> {
  const where = await sqlOn(deps.prisma).row(Where, WHERE_IS, { providerCheckoutId: state.id });
  if (!where) return { known: false, events: [] };
  const events = await sqlTransaction(deps.prisma, async (db) => {
    await lockSession(db, where.session_id, where.location_id);
    const c = await db.row(Locked, LOCK, { id: where.id });
    if (!c || c.status === "PAID") return [];
    if (!state.paid) {
      if (state.status === "expired") await db.run(MARK_EXPIRED, { id: c.id });
      return [];
    }
    if (state.amountTotalCents !== c.amount_cents + c.tip_cents || state.currency !== c.currency.toUpperCase()) {
      throw new ChargeMismatch(
        `checkout ${c.id} asked ${c.amount_cents + c.tip_cents} ${c.currency} but the provider charged ${state.amountTotalCents} ${state.currency} (${state.paymentRef})`,
      );
    }
    const earlier = await loadPaymentByClientId(db, c.session_id, c.client_payment_id);
    if (earlier) {
      await db.run(MARK_PAID, { id: c.id, paymentId: earlier.id });
      return [];
    }
    const { payment, event } = await insertPayment(
      db,
      null,
      c.session_id,
      c.client_payment_id,
      {
        kind: "PAYMENT",
        method: "ONLINE",
        amountCents: c.amount_cents,
        tipCents: c.tip_cents,
        customerId: c.customer_id,
        payer: c.customer_id ? `phone:${c.customer_id}` : null,
        note: null,
      },
      { providerRef: state.paymentRef, refundOf: null },
    );
    await db.run(MARK_PAID, { id: c.id, paymentId: payment.id });
    return [event];
  });
  for (const event of events) deps.publisher.sessionEvent(where.location_id, event);
  return { known: true, events };
}

/**
 * Asks the provider about a checkout and settles it; with `expire`, first ends it at the
 * provider if it is still open (the guest went back, or staff close the table). A checkout
 * the provider never answered for (no id) had no page: nobody can pay it, it is released.
 */
export async function resolveCheckout(
  deps: Deps,
  provider: PaymentProvider,
  row: CheckoutRow,
  options: { expire: boolean },
): Promise<void> {
  if (!row.provider_checkout_id) {
    await sqlOn(deps.prisma).run(MARK_EXPIRED, { id: row.id });
    return;
  }
  const state = options.expire
    ? await provider.expireCheckout(row.provider_checkout_id)
    : await provider.getCheckout(row.provider_checkout_id);
  await settle(deps, state);
}
