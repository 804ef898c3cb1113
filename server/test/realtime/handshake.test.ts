import type { HandshakeAuth } from "@ordered/contract";
import jwt from "jsonwebtoken";
import { openAndJoin, TEST_SECRET, type TestServer } from "../support/harness.js";
import { describe, expect, it, type Venue } from "../support/kit.js";
import { type ClientSocket, type ConnectError, type ConnectOptions, send } from "../support/sockets.js";

type Connect = (server: TestServer, auth: Partial<HandshakeAuth> | undefined, opts?: ConnectOptions) => Promise<ClientSocket>;

async function refusal(
  socket: Connect,
  server: TestServer,
  auth: Record<string, unknown> | undefined,
  opts: ConnectOptions = {},
): Promise<ConnectError> {
  try {
    await socket(server, auth as never, opts);
  } catch (err) {
    return err as ConnectError;
  }
  throw new Error("connection was accepted");
}

const claims = (venue: Venue) => ({ loc: venue.locationId, role: "OWNER" });
const sign = (venue: Venue, secret: string, opts: jwt.SignOptions) =>
  jwt.sign(claims(venue), secret, { issuer: "ordered", audience: "ordered:staff", subject: venue.owner.id, expiresIn: 600, ...opts });

describe("socket handshake", () => {
  it("accepts a staff token and a customer token", async ({ server, venue, socket }) => {
    const { customerToken } = await openAndJoin(server, venue.staffToken);
    expect((await socket(server, { token: venue.staffToken })).connected).toBe(true);
    expect((await socket(server, { token: customerToken, lastSeq: 0 })).connected).toBe(true);
  });

  it.for([
    ["no auth at all", () => undefined, "token required"],
    ["an empty token", () => ({ token: "" }), "token required"],
    ["a garbage token", () => ({ token: "garbage" }), "invalid token"],
    ["an expired token", (v: Venue) => ({ token: sign(v, TEST_SECRET, { expiresIn: -60 }) }), "token expired"],
    ["a forged token", (v: Venue) => ({ token: sign(v, "some-other-secret-some-other-secret!!", {}) }), "invalid token"],
    ["a wrong-algorithm token", (v: Venue) => ({ token: sign(v, TEST_SECRET, { algorithm: "HS384" }) }), "invalid token"],
    ["an unsigned token", (v: Venue) => ({ token: sign(v, "", { algorithm: "none" }) }), "invalid token"],
    ["a wrong-audience token", (v: Venue) => ({ token: sign(v, TEST_SECRET, { audience: "somebody-else" }) }), "invalid token"],
    [
      "a customer-audience token with staff claims",
      (v: Venue) => ({ token: sign(v, TEST_SECRET, { audience: "ordered:customer" }) }),
      "invalid token",
    ],
  ] as const)("refuses %s", async ([, auth, message], { server, venue, socket }) => {
    const err = await refusal(socket, server, auth(venue));
    expect(err.data).toEqual({ code: "UNAUTHENTICATED", message });
  });

  it("refuses malformed cursors with a clear error", async ({ server, venue, socket }) => {
    const err = await refusal(socket, server, { token: venue.staffToken, cursors: { "not-a-uuid": 1 } });
    expect(err.data?.code).toBe("VALIDATION_FAILED");
  });

  // What the server answers a foreign Origin, per transport: engine.io's allowRequest refusal
  // (error code 4, "Forbidden") before any Socket.IO handshake, so there is no `data`. Over
  // polling it is an HTTP 403; a refused WebSocket upgrade is always answered 400 by engine.io.
  it.for([
    [
      "websocket",
      {
        message: "websocket error",
        type: "TransportError",
        description: expect.objectContaining({ message: "Unexpected server response: 400" }),
      },
    ],
    ["polling", { message: "xhr poll error", type: "TransportError", description: 403, context: expect.objectContaining({ status: 403 }) }],
  ] as const)("refuses a foreign Origin over %s, and allows a listed one", async ([transport, expected], { server, venue, socket }) => {
    const refused: { code: number; message: string; url: string }[] = [];
    const onRefusal = (e: { code: number; message: string; req: { url: string } }) =>
      refused.push({ code: e.code, message: e.message, url: e.req.url });
    server.app.io.engine.on("connection_error", onRefusal);
    try {
      const err = await refusal(socket, server, { token: venue.staffToken }, { origin: "http://evil.example", transports: [transport] });
      expect(err).toMatchObject(expected);
      expect(err.data).toBeUndefined();
      expect(refused).toEqual([{ code: 4, message: "Forbidden", url: expect.stringContaining(`transport=${transport}`) }]);
    } finally {
      server.app.io.engine.off("connection_error", onRefusal);
    }
    const ok = await socket(server, { token: venue.staffToken }, { origin: "http://ordered.test", transports: [transport] });
    expect(ok.connected).toBe(true);
  });

  it("refuses a customer whose session is closed", async ({ server, venue, socket }) => {
    const { session, customerToken } = await openAndJoin(server, venue.staffToken);
    await server.api.closeSession(venue.staffToken, session.id);
    const err = await refusal(socket, server, { token: customerToken });
    expect(err.data).toEqual({ code: "SESSION_CLOSED", message: "this table's session is closed" });
  });

  it("refuses a customer token that names someone else's session", async ({ server, venue, socket }) => {
    const { session } = await openAndJoin(server, venue.staffToken);
    const other = await openAndJoin(server, venue.staffToken);
    const forged = jwt.sign({ sid: session.id, loc: venue.locationId }, TEST_SECRET, {
      issuer: "ordered",
      audience: "ordered:customer",
      subject: other.customerId,
      expiresIn: 600,
    });
    const err = await refusal(socket, server, { token: forged });
    expect(err.data?.code).toBe("UNAUTHENTICATED");
  });

  it("re-checks expiry on every command of a long-lived socket", async ({ server, venue, socket, prisma }) => {
    const { session, customerId } = await openAndJoin(server, venue.staffToken);
    const shortLived = jwt.sign({ sid: session.id, loc: venue.locationId }, TEST_SECRET, {
      issuer: "ordered",
      audience: "ordered:customer",
      subject: customerId,
      expiresIn: 1,
    });
    const phone = await socket(server, { token: shortLived });
    // Wait for the condition, the token's expiry on this machine's clock (the server's too).
    const expiresAtMs = (jwt.decode(shortLived) as jwt.JwtPayload).exp! * 1000;
    await expect.poll(() => Date.now(), { timeout: 5000, interval: 50 }).toBeGreaterThanOrEqual(expiresAtMs);
    const ack = await send(phone, "order:place", {
      clientOrderId: "expired-token-1",
      items: [{ productId: venue.products[0]!.id, quantity: 1 }],
    });
    expect(ack.error).toEqual({ code: "UNAUTHENTICATED", message: "token expired" });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });
});

describe("joining limits", () => {
  it("limits joins per session, whatever the client address", async ({ startServer, venue, prisma }) => {
    const limited = await startServer({ SESSION_JOIN_RATE_PER_MINUTE: "3" });
    const opened = (await limited.api.request("POST", "/api/sessions", { token: venue.staffToken, body: { label: "Busy table" } })).body
      .session;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await limited.api.request("POST", "/api/sessions/join", { body: { joinCode: opened.joinCode } })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(await prisma.customer.count({ where: { sessionId: opened.id } })).toBe(3);
  });
});
