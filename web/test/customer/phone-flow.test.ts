import { describe, expect, test } from "vitest";
import type { Entry, KeptReceipt } from "../../src/customer/customer-storage";
import { entryKey } from "../../src/customer/customer-storage";
import { dropsToken, endReasonOf, joinBody, joinRefusalOf, openingPhase, phaseAfterEnd } from "../../src/customer/phone-flow";
import { receipt } from "../support/fixtures";

const code: Entry = { kind: "code", code: "abc123" };
const card: Entry = { kind: "card", code: "abc123" };
const kept: KeptReceipt = { receipt: receipt(), customerId: null };

describe("entries", () => {
  test("a card and a join code with the same text are kept apart", () => {
    expect(entryKey(code)).toBe("abc123");
    expect(entryKey(card)).toBe("card.abc123");
  });

  test("the join body names the card or the code, and a name only when one was typed", () => {
    expect(joinBody(code, "  ")).toEqual({ joinCode: "abc123" });
    expect(joinBody(card, "")).toEqual({ cardCode: "abc123" });
    expect(joinBody(card, " Alex ")).toEqual({ cardCode: "abc123", displayName: "Alex" });
  });
});

describe("what the server's answers mean for a phone", () => {
  test("a closed session, a removal and a dead token end the live view; anything else does not", () => {
    expect(endReasonOf("SESSION_CLOSED")).toBe("closed");
    expect(endReasonOf("CUSTOMER_REMOVED")).toBe("removed");
    expect(endReasonOf("UNAUTHENTICATED")).toBe("unauthenticated");
    // Merged or split off by staff: the phone follows to its new session (CustomerApp).
    expect(endReasonOf("SESSION_MOVED")).toBe("moved");
    for (const c of ["UNAVAILABLE", "NETWORK", "TIMEOUT", "PRODUCT_UNAVAILABLE", "RATE_LIMITED"] as const)
      expect(endReasonOf(c)).toBeNull();
  });

  test("a join refused: closed, not a code or card, or a free table; other failures are shown as they are", () => {
    expect(joinRefusalOf("SESSION_CLOSED")).toBe("closed");
    expect(joinRefusalOf("NOT_FOUND")).toBe("invalid");
    expect(joinRefusalOf("VALIDATION_FAILED")).toBe("invalid");
    expect(joinRefusalOf("TABLE_FREE")).toBe("free");
    expect(joinRefusalOf("NETWORK")).toBeNull();
    expect(joinRefusalOf("RATE_LIMITED")).toBeNull();
  });
});

describe("opening the page", () => {
  test("a stored token is resumed first, even when an older receipt is kept", () => {
    expect(openingPhase(card, "token", kept)).toEqual({ kind: "loading" });
  });

  test("without a token the kept receipt shows again; a card also offers to join its table again", () => {
    expect(openingPhase(code, null, kept)).toEqual({ kind: "receipt", kept, canRejoin: false });
    expect(openingPhase(card, null, kept)).toEqual({ kind: "receipt", kept, canRejoin: true });
  });

  test("nothing stored: join", () => {
    expect(openingPhase(code, null, null)).toEqual({ kind: "join" });
  });
});

describe("when a session ends for a phone", () => {
  test("closed: the receipt when there is one, else the bare message; only a card offers the table's next session", () => {
    expect(phaseAfterEnd(code, "closed", kept)).toEqual({ kind: "receipt", kept, canRejoin: false });
    expect(phaseAfterEnd(card, "closed", kept)).toEqual({ kind: "receipt", kept, canRejoin: true });
    expect(phaseAfterEnd(code, "closed", null)).toEqual({ kind: "closed", canRejoin: false });
  });

  test("closed: the token is dropped only once the receipt is kept (it is the way to fetch the receipt later)", () => {
    expect(dropsToken(code, "closed", true)).toBe(true);
    expect(dropsToken(card, "closed", true)).toBe(true);
    expect(dropsToken(code, "closed", false)).toBe(false);
  });

  test("removed: the removed screen, no invitation back, and the token kept so reopening shows it again", () => {
    expect(phaseAfterEnd(code, "removed", null)).toEqual({ kind: "removed", canRejoin: false });
    expect(phaseAfterEnd(card, "removed", null)).toEqual({ kind: "removed", canRejoin: false });
    expect(dropsToken(card, "removed", false)).toBe(false);
    expect(dropsToken(code, "removed", false)).toBe(false);
  });

  test("a token the server no longer takes: join again", () => {
    expect(phaseAfterEnd(code, "unauthenticated", null)).toEqual({ kind: "join" });
    expect(dropsToken(code, "unauthenticated", false)).toBe(true);
  });
});
