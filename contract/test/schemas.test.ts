import { describe, expect, it } from "vitest";
import {
  BIDI_CONTROL_MESSAGE,
  COMMANDS,
  CreateStaffBody,
  HandshakeAuth,
  JoinBody,
  LIMITS,
  MAX_INT32,
  PlaceOrderPayload,
  SESSION_EVENT_NAMES,
  SESSION_EVENTS,
} from "../src/index.js";

const item = { productId: "0b7f8a44-5a5e-4c43-9d3b-6f1f9c7f0a11", quantity: 1 };

describe("the contract's schemas", () => {
  it("bound an order by the shared limits, with messages that name the problem", () => {
    const ok = { clientOrderId: "order-0001", items: [item] };
    expect(PlaceOrderPayload.safeParse(ok).success).toBe(true);
    const tooMany = PlaceOrderPayload.safeParse({ ...ok, items: [{ ...item, quantity: LIMITS.order.maxQuantity + 1 }] });
    expect(tooMany.error?.issues[0]?.message).toBe(`must be at most ${LIMITS.order.maxQuantity}`);
    const lines = PlaceOrderPayload.safeParse({ ...ok, items: Array.from({ length: LIMITS.order.maxLines + 1 }, () => item) });
    expect(lines.error?.issues[0]?.message).toBe(`too many items: at most ${LIMITS.order.maxLines} lines per order`);
    const extra = PlaceOrderPayload.safeParse({ ...ok, total: 0 });
    expect(extra.success).toBe(false);
  });

  it("requires a token in the handshake and bounds the cursors", () => {
    expect(HandshakeAuth.safeParse({}).error?.issues[0]?.path).toEqual(["token"]);
    const cursors = Object.fromEntries(
      Array.from({ length: LIMITS.session.maxCursors + 1 }, (_, i) => [`0b7f8a44-5a5e-4c43-9d3b-${String(i).padStart(12, "0")}`, 1]),
    );
    expect(HandshakeAuth.safeParse({ token: "t", cursors }).success).toBe(false);
  });

  it("maps every logged event type to one socket event, and every command to a sender", () => {
    expect(SESSION_EVENT_NAMES).toEqual(Object.values(SESSION_EVENTS).map((e) => e.socket));
    expect(new Set(SESSION_EVENT_NAMES).size).toBe(SESSION_EVENT_NAMES.length);
    for (const spec of Object.values(COMMANDS)) expect(["staff", "customer"]).toContain(spec.by);
  });
});

describe("the shared limits", () => {
  it("keep the largest possible order total within the database's 32-bit integer columns", () => {
    const largest = LIMITS.product.maxPriceCents * LIMITS.order.maxQuantity * LIMITS.order.maxLines;
    expect(largest).toBeLessThanOrEqual(MAX_INT32);
  });
});

describe("free text", () => {
  it.each([
    ["a NUL character", "a\u0000b"],
    ["a lone high surrogate", "tomato \ud83d"],
    ["a lone low surrogate", "\ude00 basil"],
  ])("refuses %s in a note, naming the problem", (_what, note) => {
    const parsed = PlaceOrderPayload.safeParse({ clientOrderId: "order-0001", items: [{ ...item, note }] });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["items.0.note", "must not contain NUL characters or broken Unicode"],
    ]);
  });

  // Every code point of both ranges, in a name (text) and in a note (note).
  const BIDI = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) => String.fromCodePoint(c));
  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))(
    "refuses the text-direction control %s in names and notes, naming the problem",
    (_what, c) => {
      const note = PlaceOrderPayload.safeParse({ clientOrderId: "order-0001", items: [{ ...item, note: `no onions ${c}pls` }] });
      expect(note.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["items.0.note", BIDI_CONTROL_MESSAGE]]);
      const guest = JoinBody.safeParse({ joinCode: "ABCD2345", displayName: `Ann${c}` });
      expect(guest.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["displayName", BIDI_CONTROL_MESSAGE]]);
      const staff = CreateStaffBody.safeParse({ email: "a@b.test", displayName: `${c}Bob`, role: "SERVER" });
      expect(staff.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["displayName", BIDI_CONTROL_MESSAGE]]);
    },
  );

  it("keeps right-to-left scripts, which need no control characters", () => {
    expect(JoinBody.safeParse({ joinCode: "ABCD2345", displayName: "مريم" }).data?.displayName).toBe("مريم");
    expect(JoinBody.safeParse({ joinCode: "ABCD2345", displayName: "שרה" }).data?.displayName).toBe("שרה");
  });

  it("keeps emoji and accents", () => {
    const parsed = PlaceOrderPayload.safeParse({ clientOrderId: "order-0001", items: [{ ...item, note: "sans gluten 🍕, très chaud" }] });
    expect(parsed.data?.items[0]?.note).toBe("sans gluten 🍕, très chaud");
  });

  it("normalises ids to lower case", () => {
    const parsed = PlaceOrderPayload.parse({ clientOrderId: "order-0001", items: [{ ...item, productId: item.productId.toUpperCase() }] });
    expect(parsed.items[0]?.productId).toBe(item.productId);
  });
});
