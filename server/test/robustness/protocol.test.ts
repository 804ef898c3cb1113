import { randomUUID } from "node:crypto";
import { openAndJoin } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";
import type { ClientSocket } from "../support/sockets.js";

// Socket.IO drops an event nobody listens to, and a command without an ack had nothing to
// answer through: the client waited for ever. Now both are told.

const untyped = (s: ClientSocket) =>
  s as unknown as {
    emit(event: string, ...args: unknown[]): void;
    timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  };

describe("events outside the contract", () => {
  it("are answered UNKNOWN_EVENT through their ack", async ({ server, venue, socket }) => {
    const staff = await socket(server, { token: venue.staffToken });
    const ack = await untyped(staff).timeout(5000).emitWithAck("order:delete", { orderId: randomUUID() });
    expect(ack).toEqual({ error: { code: "UNKNOWN_EVENT", message: 'unknown event "order:delete"' } });
  });

  it("are reported as protocol:error when they bring no ack, with the name cut short", async ({ server, venue, socket }) => {
    const staff = await socket(server, { token: venue.staffToken });
    const reported = new Promise((resolve) => staff.once("protocol:error", resolve));
    untyped(staff).emit(`x${"y".repeat(500)}`, {});
    const error = (await reported) as { code: string; event: string };
    expect(error.code).toBe("UNKNOWN_EVENT");
    expect(error.event).toHaveLength(64);
  });
});

describe("a command without an ack", () => {
  it("is not run, and the client hears why", async ({ server, venue, socket, prisma }) => {
    const { session, customerToken } = await openAndJoin(server, venue.staffToken);
    const phone = await socket(server, { token: customerToken });
    const reported = new Promise((resolve) => phone.once("protocol:error", resolve));
    untyped(phone).emit("order:place", { clientOrderId: randomUUID(), items: [{ productId: venue.products[1]!.id, quantity: 1 }] });
    expect(await reported).toEqual({
      code: "ACK_REQUIRED",
      message: "order:place needs an acknowledgement callback",
      event: "order:place",
    });
    expect(await prisma.order.count({ where: { sessionId: session.id } })).toBe(0);
  });
});
