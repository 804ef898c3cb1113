import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSimulation } from "../../src/tools/simulator.js";
import { seedLocation, startCluster, startWorker, testPrisma, type SeededLocation, type TestServer } from "../support/harness.js";

let a: TestServer;
let worker: Awaited<ReturnType<typeof startWorker>>;
let loc: SeededLocation;

beforeAll(async () => {
  [a] = (await startCluster(1)) as [TestServer];
  worker = await startWorker(a.config.redisPrefix);
  loc = await seedLocation(testPrisma());
});
afterAll(async () => {
  await worker.close();
  await a.close();
});

describe("npm run simulate", () => {
  it("opens sessions whose phones order until stopped, then closes them", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 4000);
    const result = await runSimulation({
      url: a.url,
      email: loc.owner.email,
      password: loc.owner.password,
      sessions: 2,
      customersPerSession: 2,
      intervalMs: 400,
      advance: true,
      signal: controller.signal,
    });
    // Four phones ordering every 400 ms for a few seconds; a loaded CI machine places fewer.
    expect(result.placed).toBeGreaterThanOrEqual(4);
    const sessions = await testPrisma().orderSession.findMany({ where: { locationId: loc.locationId }, include: { orders: true } });
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.status === "CLOSED")).toBe(true);
    const orders = sessions.flatMap((s) => s.orders);
    expect(orders.length).toBe(result.placed);
    expect(orders.some((o) => o.status === "DELIVERED")).toBe(true);
  });
});
