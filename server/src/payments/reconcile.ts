/**
 * Checkouts no webhook settled (the guest left mid-payment, a webhook was lost or is late, a
 * server died between the provider's answer and the record): every server instance asks the
 * provider about those older than `afterMs`, now and then, and settles them. Settling is
 * idempotent (settle-checkout.ts), so two instances sweeping at once record nothing twice.
 * Closing a session settles its open checkouts first, ending them at the provider.
 */
import { z } from "zod";
import { label } from "../db/enums.js";
import { sql, sqlOn, statement } from "../db/sql.js";
import type { AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { providerAccount } from "./payment-account.js";
import { resolveCheckout } from "./settle-checkout.js";

const OPEN = label("CheckoutStatus", "OPEN");

type Deps = Pick<AppDeps, "prisma" | "log" | "publisher" | "payments">;

const Row = z.strictObject({ id: z.uuid(), session_id: z.uuid(), provider_checkout_id: z.string().nullable(), location_id: z.uuid() });

const STALE = statement<{ afterMs: number }>(
  "reconcile.stale",
  (p) => sql`SELECT c.id, c.session_id, c.provider_checkout_id, s.location_id FROM checkout c JOIN order_session s ON s.id = c.session_id
    WHERE c.status = ${OPEN} AND c.created_at < (clock_timestamp() AT TIME ZONE 'UTC') - make_interval(secs => ${p.afterMs}::float8 / 1000)
    ORDER BY c.created_at LIMIT 100`,
);
const OF_SESSION = statement<{ sessionId: string; locationId: string }>(
  "reconcile.of-session",
  (p) => sql`SELECT c.id, c.session_id, c.provider_checkout_id, s.location_id FROM checkout c JOIN order_session s ON s.id = c.session_id
    WHERE c.session_id = ${p.sessionId}::uuid AND s.location_id = ${p.locationId}::uuid AND c.status = ${OPEN}`,
);

async function resolveAll(deps: Deps, rows: z.output<typeof Row>[], expire: boolean): Promise<void> {
  for (const row of rows) {
    const account = await providerAccount(sqlOn(deps.prisma), row.location_id);
    // The keys were removed: nobody can ask the provider; the checkout stays for when they are back.
    if (!account) continue;
    await resolveCheckout(deps, deps.payments(account), row, { expire });
  }
}

/** One sweep: answers how many checkouts it asked about. */
export async function reconcileCheckouts(deps: Deps, afterMs: number): Promise<number> {
  const rows = await sqlOn(deps.prisma).rows(Row, STALE, { afterMs });
  let asked = 0;
  for (const row of rows) {
    try {
      await resolveAll(deps, [row], false);
      asked++;
    } catch (err) {
      deps.log.warn({ err, checkout: row.id }, "could not reconcile a payment on a phone; the next sweep retries");
    }
  }
  return asked;
}

export function startReconciler(deps: Deps, options: { intervalMs: number; afterMs: number }): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcileCheckouts(deps, options.afterMs)
      .catch((err: unknown) => deps.log.warn({ err }, "the payment reconciliation sweep failed; it runs again"))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Before a session closes: each payment still open on a phone is ended at the provider, or
 * recorded if the guest paid it meanwhile, so the bill staff close is the bill as paid.
 */
export async function settleBeforeClose(deps: Deps, locationId: string, sessionId: string): Promise<void> {
  const rows = await sqlOn(deps.prisma).rows(Row, OF_SESSION, { sessionId, locationId });
  try {
    await resolveAll(deps, rows, true);
  } catch (err) {
    deps.log.warn({ err, session: sessionId }, "could not settle a payment on a phone before closing");
    throw new AppError(
      "PROVIDER_FAILED",
      "a payment on a phone is still open at the payment service, which did not answer: nothing was closed, try again in a moment",
    );
  }
}
