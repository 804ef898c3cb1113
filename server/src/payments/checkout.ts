/**
 * A guest pays on the phone through the location's provider (Stripe Checkout): the phone asks
 * for a payment page for an amount and a tip, under an id it made; Ordered stores the attempt
 * (checkout, OPEN), asks the provider with that id as the idempotency key, and sends the phone
 * to the provider's page. The money is Ordered's only once the provider says so: a signed
 * webhook, the phone coming back, or the reconciliation sweep read the provider's state and
 * settle the checkout (settle-checkout.ts): PAID records one payment, EXPIRED releases it.
 *
 * Exactly once: the same id answers the same checkout (a double tap, a retry: one page, one
 * charge at the provider); what is being paid on phones is reserved, so two phones paying the
 * whole bill at once cannot both start.
 */
import { type CheckoutBody, CheckoutDto, centsText } from "@ordered/contract";
import { z } from "zod";
import type { CustomerPrincipal } from "../auth/tokens.js";
import { label } from "../db/enums.js";
import { CLOCK, isoText, type SqlRunner, sql, sqlOn, sqlTransaction, statement } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { reservedOnPhones } from "../sessions/payments.js";
import { loadBill, lockSession } from "../sessions/session-extras.sql.js";
import { providerAccount } from "./payment-account.js";
import { type PaymentProvider, ProviderRefusal } from "./provider.js";
import { type CheckoutRow, resolveCheckout } from "./settle-checkout.js";

const OPEN = label("CheckoutStatus", "OPEN");
const EXPIRED = label("CheckoutStatus", "EXPIRED");

type Input = z.output<typeof CheckoutBody>;
type Deps = Pick<AppDeps, "prisma" | "payments" | "config" | "log" | "publisher">;

/**
 * The provider's smallest charge per currency (minor units; Stripe's list), checked here so the
 * guest hears it before the provider's page refuses: https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts
 */
const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  EUR: 50,
  USD: 50,
  GBP: 30,
  CHF: 50,
  CAD: 50,
  AUD: 50,
  DKK: 250,
  SEK: 300,
  NOK: 300,
  PLN: 200,
};

/** `c` is the checkout row. */
export const CHECKOUT_DTO = sql`json_build_object('id', c.id, 'sessionId', c.session_id, 'clientPaymentId', c.client_payment_id,
  'customerId', c.customer_id, 'amountCents', c.amount_cents, 'tipCents', c.tip_cents, 'currency', c.currency, 'status', c.status,
  'url', CASE WHEN c.status = ${OPEN} THEN c.url END, 'paymentId', c.payment_id, 'createdAt', ${isoText("c.created_at")})`;
const DtoRow = z.strictObject({ checkout: CheckoutDto });

const BY_CLIENT_ID = statement<{ sessionId: string; clientPaymentId: string }>(
  "checkout.by-client-id",
  (p) =>
    sql`SELECT ${CHECKOUT_DTO} AS checkout FROM checkout c WHERE c.session_id = ${p.sessionId}::uuid AND c.client_payment_id = ${p.clientPaymentId}`,
);
const INSERT = statement<{
  sessionId: string;
  clientPaymentId: string;
  customerId: string;
  amountCents: number;
  tipCents: number;
  currency: string;
  provider: string;
}>(
  "checkout.insert",
  (p) => sql`
    INSERT INTO checkout AS c (id, session_id, client_payment_id, customer_id, amount_cents, tip_cents, currency, provider, status, created_at)
    VALUES (gen_random_uuid(), ${p.sessionId}::uuid, ${p.clientPaymentId}, ${p.customerId}::uuid, ${p.amountCents}, ${p.tipCents}, ${p.currency},
            ${p.provider}, ${OPEN}, ${CLOCK})
    RETURNING ${CHECKOUT_DTO} AS checkout`,
);
const Context = z.strictObject({ label: z.string(), location_name: z.string(), currency: z.string() });
const CONTEXT = statement<{ sessionId: string }>(
  "checkout.context",
  (p) =>
    sql`SELECT s.label, l.name AS location_name, l.currency FROM order_session s JOIN location l ON l.id = s.location_id WHERE s.id = ${p.sessionId}::uuid`,
);
const PROVIDER_ANSWERED = statement<{ id: string; providerCheckoutId: string; url: string | null }>(
  "checkout.provider-answered",
  (p) => sql`UPDATE checkout c SET provider_checkout_id = ${p.providerCheckoutId}, url = ${p.url}
    WHERE c.id = ${p.id}::uuid AND c.provider_checkout_id IS NULL RETURNING ${CHECKOUT_DTO} AS checkout`,
);
const PROVIDER_REFUSED = statement<{ id: string }>(
  "checkout.provider-refused",
  (p) =>
    sql`UPDATE checkout SET status = ${EXPIRED}, resolved_at = ${CLOCK} WHERE id = ${p.id}::uuid AND status = ${OPEN} AND provider_checkout_id IS NULL`,
);
const OWN_OPEN = statement<{ sessionId: string; customerId: string; clientPaymentId: string }>(
  "checkout.own-open",
  (p) => sql`SELECT id, session_id, provider_checkout_id, provider FROM checkout
    WHERE session_id = ${p.sessionId}::uuid AND customer_id = ${p.customerId}::uuid AND status = ${OPEN} AND client_payment_id <> ${p.clientPaymentId}`,
);
const OPEN_BY_ID = statement<{ id: string }>(
  "checkout.open-by-id",
  (p) => sql`SELECT id, session_id, provider_checkout_id, provider FROM checkout WHERE id = ${p.id}::uuid AND status = ${OPEN}`,
);
const OpenRow = z.strictObject({ id: z.uuid(), session_id: z.uuid(), provider_checkout_id: z.string().nullable(), provider: z.string() });

/** "Table 4 · Trattoria", the payment page's line for the bill. */
const describe = (c: z.output<typeof Context>) => `${c.label} · ${c.location_name}`.slice(0, 200);

function sameContent(stored: CheckoutDto, input: Input, customerId: string): void {
  const differ = [
    stored.amountCents !== input.amountCents && "amountCents",
    stored.tipCents !== input.tipCents && "tipCents",
    stored.customerId !== customerId && "phone",
  ].filter(Boolean);
  if (differ.length > 0) {
    throw new AppError(
      "CONFLICT",
      `payment ${stored.clientPaymentId} was already started with another ${differ.join(", ")}: a new payment needs a new id`,
    );
  }
}

export async function startCheckout(deps: Deps, customer: CustomerPrincipal, input: Input): Promise<CheckoutDto> {
  const db = sqlOn(deps.prisma);
  const account = await providerAccount(db, customer.locationId);
  if (!account) throw new AppError("PAYMENTS_OFF", "this venue takes payments at the table only: ask the staff for the bill");
  const provider = deps.payments(account);
  // The phone went back from an earlier payment page and pays anew: that page is closed first
  // (and recorded, should the guest have paid it after all), so it reserves nothing.
  for (const open of await db.rows(OpenRow, OWN_OPEN, { ...customer, clientPaymentId: input.clientPaymentId })) {
    await resolveCheckout(deps, provider, open, { expire: true });
  }
  const started = await sqlTransaction(deps.prisma, async (tx) => {
    const session = await lockSession(tx, customer.sessionId, customer.locationId);
    const existing = (await tx.row(DtoRow, BY_CLIENT_ID, { sessionId: session.id, clientPaymentId: input.clientPaymentId }))?.checkout;
    if (existing) {
      sameContent(existing, input, customer.customerId);
      return { checkout: existing, repeat: true };
    }
    if (session.status !== "OPEN") throw new AppError("SESSION_CLOSED", `${session.label} is closed: its bill can no longer change`);
    const { bill } = await loadBill(tx, session.id);
    const reserved = await reservedOnPhones(tx, session.id);
    const left = Math.max(0, bill.dueCents - reserved);
    if (input.amountCents > left) {
      const others = reserved > 0 ? ` (${centsText(reserved, bill.currency)} is being paid on another phone)` : "";
      throw new AppError(
        "OVERPAYMENT",
        `only ${centsText(left, bill.currency)} is left to pay at ${session.label}${others}: pay at most that`,
      );
    }
    const minimum = MINIMUM_CHARGE[bill.currency] ?? 50;
    if (input.amountCents + input.tipCents < minimum) {
      throw new AppError(
        "VALIDATION_FAILED",
        `body.amountCents: a payment on the phone is at least ${centsText(minimum, bill.currency)} with the tip: pay this at the table`,
      );
    }
    const row = await tx.row(DtoRow, INSERT, {
      sessionId: session.id,
      clientPaymentId: input.clientPaymentId,
      customerId: customer.customerId,
      amountCents: input.amountCents,
      tipCents: input.tipCents,
      currency: bill.currency,
      provider: account.provider,
    });
    if (!row) throw new Error("the checkout just inserted is not there");
    return { checkout: row.checkout, repeat: false };
  });
  const { checkout } = started;
  // Answered before (or resolved meanwhile): the same answer, no second call to the provider.
  if (checkout.status !== "OPEN" || checkout.url) return checkout;
  return askProvider(deps, provider, checkout, input);
}

async function askProvider(deps: Deps, provider: PaymentProvider, checkout: CheckoutDto, input: Input): Promise<CheckoutDto> {
  const db = sqlOn(deps.prisma);
  const context = await db.row(Context, CONTEXT, { sessionId: checkout.sessionId });
  if (!context) throw AppError.notFound("session");
  const back = `${deps.config.publicUrl}${input.returnPath}`;
  let answer: Awaited<ReturnType<PaymentProvider["createCheckout"]>>;
  try {
    answer = await provider.createCheckout({
      // Unique per session (the phone's id) and per deployment's sessions (the session's id).
      idempotencyKey: `ordered-checkout-${checkout.sessionId}-${checkout.clientPaymentId}`,
      amountCents: checkout.amountCents,
      tipCents: checkout.tipCents,
      currency: checkout.currency,
      description: describe(context),
      tipLabel: "Tip",
      successUrl: `${back}?paid=${encodeURIComponent(checkout.clientPaymentId)}`,
      cancelUrl: `${back}?unpaid=${encodeURIComponent(checkout.clientPaymentId)}`,
      locale: input.language ?? "auto",
      startedAt: new Date(checkout.createdAt),
      metadata: {
        ordered_session: checkout.sessionId,
        ordered_checkout: checkout.id,
        clientPaymentId: checkout.clientPaymentId,
        table: context.label.slice(0, 400),
      },
    });
  } catch (err) {
    // No page was handed out: nothing can be paid on it, so it reserves nothing any more.
    await db.run(PROVIDER_REFUSED, { id: checkout.id });
    if (err instanceof ProviderRefusal) throw new AppError("PROVIDER_FAILED", err.message);
    deps.log.warn({ err, checkout: checkout.id }, "the payment provider could not be reached");
    throw new AppError("PROVIDER_FAILED", "the payment service could not be reached: nothing was charged, try again");
  }
  const row = await db.row(DtoRow, PROVIDER_ANSWERED, { id: checkout.id, providerCheckoutId: answer.id, url: answer.url });
  if (row) return row.checkout;
  // Answered meanwhile by a retry of the same id: the stored answer stands.
  const stored = (await db.row(DtoRow, BY_CLIENT_ID, { sessionId: checkout.sessionId, clientPaymentId: checkout.clientPaymentId }))
    ?.checkout;
  if (!stored) throw new Error("the checkout vanished");
  return stored;
}

/**
 * The phone came back from the payment page (or reloaded): the checkout as the provider has
 * it now, settled if the guest paid, so the phone need not wait for the webhook.
 */
export async function checkoutState(deps: Deps, customer: CustomerPrincipal, clientPaymentId: string): Promise<CheckoutDto> {
  const db = sqlOn(deps.prisma);
  const found = (await db.row(DtoRow, BY_CLIENT_ID, { sessionId: customer.sessionId, clientPaymentId }))?.checkout;
  if (!found || found.customerId !== customer.customerId) throw AppError.notFound("payment");
  if (found.status !== "OPEN") return found;
  const account = await providerAccount(db, customer.locationId);
  const row: CheckoutRow | undefined = await db.row(OpenRow, OPEN_BY_ID, { id: found.id });
  if (!account || !row) return found;
  await resolveCheckout(deps, deps.payments(account), row, { expire: false });
  return (await db.row(DtoRow, BY_CLIENT_ID, { sessionId: customer.sessionId, clientPaymentId }))?.checkout ?? found;
}

/** The session's checkouts still open (staff see what is being paid on phones). */
export async function openCheckouts(db: SqlRunner, sessionId: string): Promise<CheckoutDto[]> {
  return (await db.rows(DtoRow, OPEN_OF_SESSION, { sessionId })).map((r) => r.checkout);
}
const OPEN_OF_SESSION = statement<{ sessionId: string }>(
  "checkout.open-of-session",
  (p) =>
    sql`SELECT ${CHECKOUT_DTO} AS checkout FROM checkout c WHERE c.session_id = ${p.sessionId}::uuid AND c.status = ${OPEN} ORDER BY c.created_at`,
);
