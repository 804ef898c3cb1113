// The database cost of one order, without load: runs the server's own placeOrder,
// processOrder and shipOrder (from server/dist) one at a time and counts PostgreSQL round
// trips (every pg Client.query, BEGIN and COMMIT included), time waiting on them, and CPU
// time of this process; processOrder of an order that does not exist gives the processing
// statement's fixed cost. For scale, the same placement written the naive way (a transaction
// with one statement per step, same locks and rows) runs on the same data.
//   npx tsx server/bench/profile-queries.ts [iterations=300]
// Uses its own database, ordered_bench_profile (dropped and recreated).
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { createPrisma } from "../dist/db/prisma.js";
import { placeOrder } from "../dist/orders/place-order.js";
import { PlacementMenus } from "../dist/orders/placement-menus.js";
import { processOrder } from "../dist/orders/process-order.js";
import { shipOrder } from "../dist/orders/ship-order.js";
import { nowUs } from "./lib/hist.js";
import { pidsByComm, readTicks } from "./lib/procs.js";
import { resetDatabase, seedLocations } from "./lib/setup.js";

const databaseUrl = process.env.BENCH_PROFILE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ordered_bench_profile";
const iterations = Number(process.argv[2] ?? 300);
// `--explain`: every statement's plan, with actual times and buffers, goes to PostgreSQL's own
// log (auto_explain, loaded per connection; needs a superuser, as on this machine), e.g.
// /var/log/postgresql/postgresql-15-main.log. Timings above then include the explaining.
const explain = process.argv.includes("--explain");
if (explain) {
  type ConnectFn = (...args: unknown[]) => Promise<void>;
  const connect = pg.Client.prototype.connect as unknown as ConnectFn;
  (pg.Client.prototype as unknown as { connect: ConnectFn }).connect = async function (this: pg.Client, ...args: unknown[]) {
    await connect.apply(this, args);
    await this.query(
      "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on; SET auto_explain.log_nested_statements = on",
    );
  };
}

// Count every round trip made through node-postgres (Prisma's adapter uses it too).
const counter = { queries: 0, waitUs: 0, statements: new Map<string, { n: number; us: number }>() };
type QueryFn = (...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as QueryFn;
(pg.Client.prototype as unknown as { query: QueryFn }).query = function (this: unknown, ...args: unknown[]) {
  counter.queries++;
  const first = args[0] as string | { text?: string };
  const text = typeof first === "string" ? first : (first?.text ?? "?");
  const verb = text
    .trim()
    .split(/\s+/)
    .slice(0, 3)
    .join(" ")
    .replace(/"public"\./g, "")
    .slice(0, 40);
  const stat = counter.statements.get(verb) ?? { n: 0, us: 0 };
  counter.statements.set(verb, stat);
  stat.n++;
  const t = nowUs();
  const done = () => {
    const us = nowUs() - t;
    counter.waitUs += us;
    stat.us += us;
  };
  const last = args.at(-1);
  if (typeof last === "function") {
    args[args.length - 1] = (...cb: unknown[]) => {
      done();
      return (last as QueryFn)(...cb);
    };
    return original.apply(this, args);
  }
  const r = original.apply(this, args) as Promise<unknown> | undefined;
  r?.then?.(done, done);
  return r;
};

const pgTicks = () => pidsByComm("postgres").reduce((sum, pid) => sum + (readTicks(pid) ?? 0), 0);

interface Cost {
  name: string;
  n: number;
  wallMs: number;
  cpuMs: number;
  /** CPU time of all PostgreSQL processes (backends, WAL writer...), 10 ms ticks. */
  pgCpuMs: number;
  queries: number;
  dbWaitMs: number;
}

async function measure(name: string, n: number, fn: (i: number) => Promise<unknown>, warmup = 30): Promise<Cost> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  counter.queries = 0;
  counter.waitUs = 0;
  counter.statements.clear();
  const pg0 = pgTicks();
  const cpu0 = process.cpuUsage();
  const t0 = nowUs();
  for (let i = 0; i < n; i++) await fn(i);
  const wall = (nowUs() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pgMs = (pgTicks() - pg0) * 10;
  const r = (x: number) => Math.round(x * 100) / 100;
  const cost = {
    name,
    n,
    wallMs: r(wall / n),
    cpuMs: r((cpu.user + cpu.system) / 1000 / n),
    pgCpuMs: r(pgMs / n),
    queries: r(counter.queries / n),
    dbWaitMs: r(counter.waitUs / 1000 / n),
  };
  console.log(
    `${name.padEnd(34)} wall ${String(cost.wallMs).padStart(6)} ms  CPU ${String(cost.cpuMs).padStart(6)} ms  PostgreSQL CPU ${String(cost.pgCpuMs).padStart(5)} ms  round trips ${String(cost.queries).padStart(5)}  waiting on pg ${cost.dbWaitMs} ms`,
  );
  // Each statement: how many per call and the wall time waiting on it, in call order.
  for (const [verb, { n: count, us }] of counter.statements) {
    console.log(`    ${String(r(count / n)).padStart(4)}× ${verb.padEnd(42)} ${String(r(us / 1000 / count)).padStart(6)} ms each`);
  }
  return cost;
}

await resetDatabase(databaseUrl);
const [location] = await seedLocations(databaseUrl, ["Profile venue"], 8);
const prisma = createPrisma(databaseUrl, 4);
const raw = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const session = await prisma.orderSession.create({
  data: { locationId: location!.id, label: "Profile table", joinCode: randomBytes(18).toString("base64url"), pin: "0000" },
});
const customer = await prisma.customer.create({
  data: { sessionId: session.id, displayName: "Guest", verifiedAt: new Date(), verifiedHow: "CODE" },
});
// Placement's copy of the menu, as each server instance keeps one: after the first order, placing is one statement.
const menus = new PlacementMenus();
const principal = { kind: "customer" as const, customerId: customer.id, sessionId: session.id, locationId: location!.id };
const items = (i: number) => [
  { productId: location!.productIds[Math.abs(i) % 8]!, quantity: 1 },
  { productId: location!.productIds[(Math.abs(i) + 3) % 8]!, quantity: 2 },
];

console.log(`${iterations} sequential calls each, after a warm-up; one client, no concurrency.\n`);
const placed: string[] = [];
const results: Cost[] = [];
results.push(
  await measure("placeOrder (server code)", iterations, async (i) => {
    // A budget no run reaches: the bench measures placing, not refusing.
    const { order } = await placeOrder(prisma, menus, principal, { clientOrderId: randomUUID(), items: items(i) }, { perMinute: 1e9 });
    if (i >= 0) placed.push(order.id);
    else await processOrder(prisma, order.id);
  }),
);
results.push(
  await measure(
    "processOrder (→ ACCEPTED + PREPARING)",
    placed.length,
    async (i) => void (await processOrder(prisma, placed[Math.max(0, i)]!)),
    0,
  ),
);
results.push(
  // Processing shipped them: this is the re-drive stage finding nothing to do.
  await measure("shipOrder (a repeat)", placed.length, async (i) => void (await shipOrder(prisma, placed[Math.max(0, i)]!)), 0),
);
results.push(
  // No such order: the statement's fixed cost (bind, executor start, every relation's lock), no row touched.
  await measure("processOrder (no such order)", iterations, async () => void (await processOrder(prisma, randomUUID()))),
);
results.push(await measure("placement, one statement a step", iterations, (i) => placeRaw(items(i))));

console.log("\nNo-op round trip for scale:");
results.push(await measure("SELECT 1 (pg)", 500, () => raw.query("SELECT 1")));

/** The same work as placeOrder, one statement per step between BEGIN and COMMIT. */
async function placeRaw(lines: { productId: string; quantity: number }[]): Promise<void> {
  const c = await raw.connect();
  try {
    await c.query("BEGIN");
    const s = await c.query("SELECT status, location_id FROM order_session WHERE id = $1 FOR UPDATE", [session.id]);
    if (s.rows[0].status !== "OPEN") throw new Error("closed");
    const clientOrderId = randomUUID();
    await c.query(`SELECT id FROM "order" WHERE session_id = $1 AND client_order_id = $2`, [session.id, clientOrderId]);
    const ids = lines.map((l) => l.productId);
    const products = await c.query<{
      id: string;
      name: string;
      price_cents: number;
      available: boolean;
      currency: string;
      station_id: string;
    }>(
      "SELECT p.id, p.name, p.price_cents, p.available, l.currency, cat.station_id FROM product p JOIN location l ON l.id = p.location_id JOIN category cat ON cat.id = p.category_id WHERE p.id = ANY($1::uuid[]) AND p.location_id = $2",
      [ids, location!.id],
    );
    const byId = new Map(products.rows.map((p) => [p.id, p]));
    const total = lines.reduce((a, l) => a + byId.get(l.productId)!.price_cents * l.quantity, 0);
    const order = await c.query<{ id: string; placed_at: Date }>(
      // The number as placement gives it: the seating's counter (its row is locked above; bumped with last_seq below).
      `INSERT INTO "order" (id, session_id, location_id, customer_id, client_order_id, number, total_cents, currency, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4,
               (SELECT orders_placed + 1 FROM order_session WHERE id = $1), $5, $6, now()) RETURNING id, placed_at`,
      [session.id, location!.id, customer.id, clientOrderId, total, products.rows[0]!.currency],
    );
    const orderId = order.rows[0]!.id;
    await c.query(
      `INSERT INTO order_item (id, order_id, position, product_id, product_name, unit_price_cents, quantity, station_id)
       SELECT gen_random_uuid(), $1, x.pos, x.pid, x.name, x.price, x.qty, x.station
       FROM unnest($2::int[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::uuid[]) AS x(pos, pid, name, price, qty, station)`,
      [
        orderId,
        lines.map((_, i) => i),
        ids,
        lines.map((l) => byId.get(l.productId)!.name),
        lines.map((l) => byId.get(l.productId)!.price_cents),
        lines.map((l) => l.quantity),
        lines.map((l) => byId.get(l.productId)!.station_id),
      ],
    );
    const seq = await c.query<{ last_seq: number }>(
      "UPDATE order_session SET last_seq = last_seq + 1, orders_placed = orders_placed + 1 WHERE id = $1 RETURNING last_seq",
      [session.id],
    );
    const payload = { id: orderId, clientOrderId, sessionId: session.id, status: "PLACED", totalCents: total, items: lines };
    await c.query("INSERT INTO session_event (session_id, seq, type, payload) VALUES ($1, $2, 'order.placed', $3)", [
      session.id,
      seq.rows[0]!.last_seq,
      payload,
    ]);
    await c.query("COMMIT");
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    c.release();
  }
}

await prisma.$disconnect();
await raw.end();
console.log(`\n${JSON.stringify(results)}`);
