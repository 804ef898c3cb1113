import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ordered_e2e";
export const REDIS_URL = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";
/** The two server instances' ports; override (e.g. `E2E_PORTS=3401,3402`) to run two suites side by side. */
export const E2E_PORTS = (process.env.E2E_PORTS ?? "3301,3302").split(",").map(Number) as [number, number];
/** The Stripe stand-in the suite's servers pay through (server/src/tools/stripe-standin.ts), started by global-setup.ts. */
export const E2E_STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? E2E_PORTS[0] + 10);
export const E2E_STRIPE_URL = `http://127.0.0.1:${E2E_STRIPE_PORT}`;
/** The Redis key prefix of the suite's servers and worker; its keys are deleted after the run. */
export const E2E_REDIS_PREFIX = process.env.E2E_REDIS_PREFIX ?? "ordered-e2e";
export const E2E_SECRET = "e2e-secret-that-is-at-least-32-characters-long";
/**
 * The suite's stand-in mail server (global-setup.ts; issue 33's mailed receipts): its port, next
 * to the servers' unless E2E_SMTP_PORT says otherwise, and the folder where each mail it takes is
 * written as JSON for the tests to read (support/mail.ts).
 */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORTS[0] + 25);
export const E2E_MAIL_DIR = path.join(repoRoot, "e2e/test-results/mail");

export function serverEnv(port: number): Record<string, string> {
  return {
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ALLOWED_ORIGINS: E2E_PORTS.map((p) => `http://127.0.0.1:${p}`).join(","),
    DATABASE_URL: E2E_DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: E2E_REDIS_PREFIX,
    JWT_SECRET: E2E_SECRET,
    // Override to test a build of your own while another build is being made (E2E_WEB_DIST=/tmp/dist).
    WEB_DIST: process.env.E2E_WEB_DIST ?? path.join(repoRoot, "web/dist"),
    LOG_LEVEL: "warn",
    JOIN_RATE_PER_MINUTE: "1000",
    STRIPE_API_URL: E2E_STRIPE_URL,
    LOGIN_RATE_PER_MINUTE: "1000",
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    MAIL_FROM: '"Ordered e2e" <receipts@ordered.test>',
  };
}
