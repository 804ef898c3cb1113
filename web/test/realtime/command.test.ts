import type { Ack, ErrorCode } from "@ordered/contract";
import { describe, expect, test, vi } from "vitest";
import { CommandError, createCommands, sendUntilAnswered, type Transport } from "../../src/realtime/command";
import { order } from "../support/fixtures";

type Reply = Ack<unknown> | "lost";

/** A connection that answers each emit with the next scripted reply ("lost": no ack in time). */
function fakeTransport(replies: Reply[], { connected = true } = {}) {
  const sent: unknown[] = [];
  let up = connected;
  let connect: (() => void) | undefined;
  const transport: Transport = {
    connected: () => up,
    nextConnect: (signal) =>
      new Promise((resolve, reject) => {
        connect = resolve;
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      }),
    emitWithAck: async (_name, payload) => {
      sent.push(payload);
      const reply = replies.shift() ?? "lost";
      if (reply === "lost") throw new Error("operation has timed out");
      return reply;
    },
  };
  return {
    transport,
    sent,
    comeOnline: () => {
      up = true;
      connect?.();
    },
  };
}

const refused = (code: ErrorCode, retryAfter?: number): Ack<unknown> => ({ error: { code, message: `refused: ${code}`, retryAfter } });
const payload = { clientOrderId: "client-order-1", items: [{ productId: order(1).items[0]!.productId, quantity: 1 }] };
const options = (signal = new AbortController().signal) => ({ signal, retryDelayMs: 0 });

describe("sendUntilAnswered", () => {
  test("sends the same payload again after lost acks and retryable refusals, until answered", async () => {
    const { transport, sent } = fakeTransport(["lost", refused("UNAVAILABLE"), refused("RATE_LIMITED"), { data: { order: order(1) } }]);
    const result = await sendUntilAnswered(transport, "order:place", payload, options());
    expect(result.order.id).toBe(order(1).id);
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((p) => JSON.stringify(p))).size).toBe(1);
  });

  test("treats an INTERNAL failure as retryable: the same clientOrderId cannot make a second order", async () => {
    const { transport, sent } = fakeTransport([refused("INTERNAL"), refused("INTERNAL"), { data: { order: order(1) } }]);
    const result = await sendUntilAnswered(transport, "order:place", payload, options());
    expect(result.order.id).toBe(order(1).id);
    expect(sent).toHaveLength(3);
  });

  test("backs off after repeated failures, doubling the pause up to a cap", async () => {
    vi.useFakeTimers();
    try {
      const { transport, sent } = fakeTransport([
        refused("INTERNAL"),
        refused("INTERNAL"),
        refused("INTERNAL"),
        { data: { order: order(1) } },
      ]);
      const result = sendUntilAnswered(transport, "order:place", payload, {
        signal: new AbortController().signal,
        retryDelayMs: 1000,
        maxRetryDelayMs: 1500,
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(2); // 1 s after the first failure
      expect(sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1400);
      expect(sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(200); // 1.5 s (2 s, capped) after the second
      expect(sent).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(1600); // capped again
      await expect(result).resolves.toEqual({ order: order(1) });
      expect(sent).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  test.each(["PRODUCT_UNAVAILABLE", "VALIDATION_FAILED", "SESSION_CLOSED", "UNAUTHENTICATED"] as const)(
    "stops at a final refusal (%s) and reports it",
    async (code) => {
      const { transport, sent } = fakeTransport([refused(code), { data: {} }]);
      const err = await sendUntilAnswered(transport, "order:place", payload, options()).catch((e: unknown) => e);
      expect((err as CommandError).code).toBe(code);
      expect(sent).toHaveLength(1);
    },
  );

  test("stops at a final refusal and reports it", async () => {
    const { transport, sent } = fakeTransport([refused("PRODUCT_UNAVAILABLE"), { data: {} }]);
    const err = await sendUntilAnswered(transport, "order:place", payload, options()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).code).toBe("PRODUCT_UNAVAILABLE");
    expect(sent).toHaveLength(1);
  });

  test("waits for the connection before sending", async () => {
    const { transport, sent, comeOnline } = fakeTransport([{ data: { order: order(1) } }], { connected: false });
    const result = sendUntilAnswered(transport, "order:place", payload, options());
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toHaveLength(0);
    comeOnline();
    await expect(result).resolves.toEqual({ order: order(1) });
  });

  test("waits as long as the server asks before sending again", async () => {
    vi.useFakeTimers();
    try {
      const { transport, sent } = fakeTransport([refused("RATE_LIMITED", 5), { data: { order: order(1) } }]);
      const result = sendUntilAnswered(transport, "order:place", payload, { signal: new AbortController().signal });
      await vi.advanceTimersByTimeAsync(4900);
      expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(200);
      await expect(result).resolves.toEqual({ order: order(1) });
      expect(sent).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  test("gives up when aborted, also while waiting for the connection", async () => {
    const { transport } = fakeTransport([], { connected: false });
    const abort = new AbortController();
    const result = sendUntilAnswered(transport, "order:place", payload, options(abort.signal));
    abort.abort();
    await expect(result).rejects.toThrow();
  });
});

describe("createCommands", () => {
  test("puts the order an ack carries into the live state", async () => {
    const { transport } = fakeTransport([{ data: { order: order(1, "ready") } }]);
    const store = { ack: vi.fn() };
    await createCommands(transport, store).send("order:advance", { orderId: order(1).id, to: "READY" });
    expect(store.ack).toHaveBeenCalledWith(order(1, "ready"), undefined);
  });

  test("hands on the number of the order:placed event an order:place ack carries", async () => {
    const placed = { seq: 7, at: "2026-12-05T10:00:00.000Z" };
    const { transport } = fakeTransport([{ data: { order: order(1), placed } }]);
    const store = { ack: vi.fn() };
    await createCommands(transport, store).send("order:place", payload);
    expect(store.ack).toHaveBeenCalledWith(order(1), placed);
  });

  test("is not ready without a connection, and says so when used", async () => {
    const commands = createCommands(null, { ack: vi.fn() });
    expect(commands.ready).toBe(false);
    await expect(commands.send("order:cancel", { orderId: order(1).id, seen: "PLACED" })).rejects.toBeInstanceOf(CommandError);
  });
});
