import jwt from "jsonwebtoken";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, loginAs, openAndJoin, seedLocation, startServer, TEST_SECRET, testPrisma, type SeededLocation, type TestServer } from "../support/harness.js";
import { closeAllSockets, connect, send } from "../support/sockets.js";

let server: TestServer;
let loc: SeededLocation;
let staffToken: string;

beforeAll(async () => {
  server = await startServer();
  loc = await seedLocation(testPrisma());
  staffToken = await loginAs(server, loc.owner);
});
afterEach(closeAllSockets);
afterAll(() => server.close());

async function refusal(auth: Record<string, unknown> | undefined, opts: { origin?: string; transports?: ("websocket" | "polling")[] } = {}) {
  try {
    await connect(server, auth as never, opts);
  } catch (err) {
    return err as Error & { data?: { code: string; message: string } };
  }
  throw new Error("connection was accepted");
}

describe("socket handshake", () => {
  it("accepts a staff token and a customer token", async () => {
    const { customerToken } = await openAndJoin(server, staffToken);
    expect((await connect(server, { token: staffToken })).connected).toBe(true);
    expect((await connect(server, { token: customerToken, lastSeq: 0 })).connected).toBe(true);
  });

  const claims = () => ({ loc: loc.locationId, role: "OWNER" });
  const sign = (secret: string, opts: jwt.SignOptions) =>
    jwt.sign(claims(), secret, { issuer: "ordered", audience: "ordered:staff", subject: loc.owner.id, expiresIn: 600, ...opts });

  it.each([
    ["no auth at all", () => undefined, "token required"],
    ["an empty token", () => ({ token: "" }), "token required"],
    ["a garbage token", () => ({ token: "garbage" }), "invalid token"],
    ["an expired token", () => ({ token: sign(TEST_SECRET, { expiresIn: -60 }) }), "token expired"],
    ["a forged token", () => ({ token: sign("some-other-secret-some-other-secret!!", {}) }), "invalid token"],
    ["a wrong-algorithm token", () => ({ token: sign(TEST_SECRET, { algorithm: "HS384" }) }), "invalid token"],
    ["an unsigned token", () => ({ token: sign("", { algorithm: "none" }) }), "invalid token"],
    ["a wrong-audience token", () => ({ token: sign(TEST_SECRET, { audience: "somebody-else" }) }), "invalid token"],
    ["a customer-audience token with staff claims", () => ({ token: sign(TEST_SECRET, { audience: "ordered:customer" }) }), "invalid token"],
  ])("refuses %s", async (_name, auth, message) => {
    const err = await refusal(auth() as never);
    expect(err.data).toEqual({ code: "UNAUTHENTICATED", message });
  });

  it("refuses malformed cursors with a clear error", async () => {
    const err = await refusal({ token: staffToken, cursors: { "not-a-uuid": 1 } });
    expect(err.data?.code).toBe("VALIDATION_FAILED");
  });

  it.each([["websocket"], ["polling"]] as const)("refuses a foreign Origin over %s, and allows a listed one", async (transport) => {
    const err = await refusal({ token: staffToken }, { origin: "http://evil.example", transports: [transport] });
    expect(err.message).toMatch(/websocket error|xhr poll error|Forbidden|403|400/i);
    const ok = await connect(server, { token: staffToken }, { origin: "http://ordered.test", transports: [transport] });
    expect(ok.connected).toBe(true);
  });

  it("refuses a customer whose session is closed", async () => {
    const { session, customerToken } = await openAndJoin(server, staffToken);
    await api(server, "POST", `/api/sessions/${session.id}/close`, { token: staffToken });
    const err = await refusal({ token: customerToken });
    expect(err.data).toEqual({ code: "SESSION_CLOSED", message: "this table's session is closed" });
  });

  it("refuses a customer token that names someone else's session", async () => {
    const { session } = await openAndJoin(server, staffToken);
    const other = await openAndJoin(server, staffToken);
    const forged = jwt.sign({ sid: session.id, loc: loc.locationId }, TEST_SECRET, {
      issuer: "ordered",
      audience: "ordered:customer",
      subject: other.customerId,
      expiresIn: 600,
    });
    const err = await refusal({ token: forged });
    expect(err.data?.code).toBe("UNAUTHENTICATED");
  });

  it("re-checks expiry on every command of a long-lived socket", async () => {
    const { session, customerId } = await openAndJoin(server, staffToken);
    const shortLived = jwt.sign({ sid: session.id, loc: loc.locationId }, TEST_SECRET, {
      issuer: "ordered",
      audience: "ordered:customer",
      subject: customerId,
      expiresIn: 1,
    });
    const socket = await connect(server, { token: shortLived });
    await new Promise((r) => setTimeout(r, 1500));
    const ack = await send(socket, "order:place", { clientOrderId: "expired-token-1", items: [{ productId: loc.products[0]!.id, quantity: 1 }] });
    expect(ack.error).toEqual({ code: "UNAUTHENTICATED", message: "token expired" });
  });
});

describe("joining limits", () => {
  it("limits joins per session, whatever the client address", async () => {
    const limited = await startServer({ SESSION_JOIN_RATE_PER_MINUTE: "3" });
    try {
      const t = await loginAs(limited, loc.owner);
      const opened = (await api(limited, "POST", "/api/sessions", { token: t, body: { label: "Busy table" } })).body.session;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await api(limited, "POST", "/api/sessions/join", { body: { joinCode: opened.joinCode } })).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      expect(await testPrisma().customer.count({ where: { sessionId: opened.id } })).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
