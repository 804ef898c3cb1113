// `npm run stripe-standin -w server`: the Stripe stand-in on its own, to try payments on phones
// without a Stripe account. Start the servers with STRIPE_API_URL=http://127.0.0.1:12111, make
// an account (curl -X POST -H 'content-type: application/json' -d '{"webhookUrl":
// "http://127.0.0.1:3000/api/payments/webhook/stripe/<location id>"}' http://127.0.0.1:12111/_standin/accounts)
// and paste its keys on the panel's settings page.
import { startStripeStandin } from "./stripe-standin.js";

const port = Number(process.env.STRIPE_STANDIN_PORT ?? 12111);
const standin = await startStripeStandin({ port });
console.log(`Stripe stand-in on ${standin.url} (accounts: POST ${standin.url}/_standin/accounts {"webhookUrl": "…"})`);
const stop = () => void standin.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
