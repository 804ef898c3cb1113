import type { ErrorBody } from "@ordered/contract";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import { recorderOf, send } from "../support/sockets.js";

/** Alert raises the phone floods with (issue 30 #11 measured 3,000 from one phone). */
const FLOOD = 3000;
/** REST reads it sends meanwhile. */
const READS = 150;

describe("one phone's share of an instance", () => {
  it("a flood of commands and reads from one phone is refused RATE_LIMITED from memory, while staff on the same instance are served", async ({
    startServer,
    prismaClient,
    venue,
    socket,
    prisma,
  }) => {
    // A pool of 3 and a phone allowed 2 requests in flight: one connection always stays
    // free for others. Without the cap the flood takes all three and the staff read waits
    // past the pool's 2 s and is answered 503.
    const server = await startServer(
      { CUSTOMER_MAX_IN_FLIGHT: "2", CUSTOMER_COMMAND_RATE: "20", CUSTOMER_READ_RATE_PER_MINUTE: "30" },
      { prisma: prismaClient(3) },
    );
    const { customerToken, session } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    await recorderOf(phone).waitFor("sync:done");

    const raises = Array.from({ length: FLOOD }, () => send(phone, "alert:raise", { kind: "WAITER" }, 60_000));
    const reads = Array.from({ length: READS }, () => server.api.request("GET", "/api/sessions/current", { token: customerToken }));
    const staffRead = server.api.request("GET", "/api/sessions", { token: venue.staffToken });

    const staff = await staffRead;
    expect([staff.status, staff.body.error]).toEqual([200, undefined]);
    expect(staff.body.sessions.map((s: { id: string }) => s.id)).toContain(session.id);

    // The commands: a few served (the budget, less the connection's own point), the rest
    // refused with a retryAfter; none waited for the pool until it gave up (UNAVAILABLE).
    const acks = await Promise.all(raises);
    const served = acks.filter((a) => a.data);
    const refusals = acks.flatMap((a) => (a.error ? [a.error] : []));
    expect(served.length + refusals.length).toBe(FLOOD);
    expect(served.length).toBeGreaterThan(0);
    expect(served.length).toBeLessThanOrEqual(20);
    expect(new Set(refusals.map((e) => e.code))).toEqual(new Set(["RATE_LIMITED"]));
    for (const e of refusals) expect(e.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refusals.map((e) => e.message)).toContainEqual(expect.stringMatching(/^too many requests from this phone/));
    // One call however many raises got through: a pending call is returned as it is.
    expect(new Set(served.map((a) => a.data?.alert.id)).size).toBe(1);

    // The reads: some answered, the rest 429 with the same kind of answer.
    const answers = await Promise.all(reads);
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([200, 429]));
    for (const r of answers.filter((x) => x.status === 429)) {
      const error = r.body.error as ErrorBody;
      expect(error.code).toBe("RATE_LIMITED");
      expect(error.retryAfter).toBeGreaterThanOrEqual(1);
      expect(error.message).toMatch(/^too many (reads|requests) from this phone/);
    }

    // Nothing stored twice.
    expect(await prisma.sessionAlert.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await prisma.sessionEvent.count({ where: { sessionId: session.id, type: "alert.raised" } })).toBe(1);
  });

  it("the cap on work in flight refuses what is over it at once and frees each place when its work ends", async ({
    startServer,
    venue,
    socket,
  }) => {
    // A generous rate: only the cap refuses here.
    const server = await startServer({ CUSTOMER_MAX_IN_FLIGHT: "1" });
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    await recorderOf(phone).waitFor("sync:done");
    const acks = await Promise.all(Array.from({ length: 30 }, () => send(phone, "alert:raise", { kind: "BILL" })));
    const refused = acks.flatMap((a) => (a.error ? [a.error] : []));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(30);
    for (const e of refused) {
      expect(e).toEqual({
        code: "RATE_LIMITED",
        message: "too many requests from this phone at once (at most 1); try again in 1s",
        retryAfter: 1,
      });
    }
    // Every place was given back: one at a time, the phone is served every time.
    for (let i = 0; i < 5; i++) expect((await send(phone, "alert:raise", { kind: "BILL" })).data).toBeDefined();
    for (let i = 0; i < 5; i++) expect((await server.api.request("GET", "/api/menu", { token: customerToken })).status).toBe(200);
  });

  it("another phone of the same table keeps its own budget", async ({ startServer, venue, socket }) => {
    const server = await startServer({ CUSTOMER_COMMAND_RATE: "3" });
    const { customerToken, session } = await openAndJoin(server, venue.staffToken);
    const ann = await socket(server, { token: customerToken });
    await recorderOf(ann).waitFor("sync:done");
    // The connection spent one point; two raises spend the rest.
    for (let i = 0; i < 2; i++) expect((await send(ann, "alert:raise", { kind: "WAITER" })).data).toBeDefined();
    expect((await send(ann, "alert:raise", { kind: "BILL" })).error?.code).toBe("RATE_LIMITED");

    const bob = await server.api.joinSession(session.joinCode, "Bob");
    const bobs = await socket(server, { token: bob.token });
    await recorderOf(bobs).waitFor("sync:done");
    expect((await send(bobs, "alert:raise", { kind: "BILL" })).data?.alert.customerName).toBe("Bob");
  });
});
