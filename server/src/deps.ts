import type { CustomerBudget } from "./auth/customer-budget.js";
import type { Guards } from "./auth/passport.js";
import type { Tokens } from "./auth/tokens.js";
import type { Config } from "./config.js";
import type { PrismaClient } from "./db/prisma.js";
import type { RedisClient } from "./db/redis.js";
import type { Limiter } from "./http/rate-limit.js";
import type { Logger } from "./logger.js";
import type { PlacementMenus } from "./orders/placement-menus.js";
import type { ProviderFactory } from "./payments/provider.js";
import type { Producer } from "./pipeline/queues.js";
import type { Publisher } from "./realtime/publisher.js";
import type { Mailer } from "./receipts/mailer.js";
import type { SeatWaits } from "./tables/seat-waits.js";

/** What the process provides: built once in main.ts, or per test. The app does not own them. */
export interface AppComponents {
  config: Config;
  prisma: PrismaClient;
  redis: RedisClient;
  log: Logger;
}

/** Everything route and socket handlers may use; built by createApp (app.ts). */
export interface AppDeps extends AppComponents {
  tokens: Tokens;
  guards: Guards;
  limiters: Record<
    | "join"
    | "login"
    | "loginPerAccount"
    | "sessionJoin"
    | "cardJoin"
    | "orderPerSocket"
    | "receiptMailPerSession"
    | "receiptMailPerAddress",
    Limiter
  >;
  /** What one phone may ask of this instance: rates and work in flight (auth/customer-budget.ts). */
  customerBudget: CustomerBudget;
  /** Fans committed events out to clients on every instance. */
  publisher: Publisher;
  /** Phones waiting at free tables' cards on this instance, answered when the table is seated. */
  seatWaits: SeatWaits;
  /** Queues pipeline work (the worker processes consume it). */
  producer: Producer;
  /** This instance's copy of the menus orders are placed against (checked by every placement's write). */
  menus: PlacementMenus;
  /** Mails receipts (config.mail); null when this server does not. */
  mailer: Mailer | null;
  /** The payment provider's client for a location's account (payments/provider.ts). */
  payments: ProviderFactory;
}
