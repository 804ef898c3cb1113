import { describe, expect, test } from "vitest";
import { callView, canCall, lastCall } from "../../src/customer/calls";
import { alert, id } from "../support/fixtures";

const ME = id(201);
const OTHER = id(202);

describe("lastCall", () => {
  test("this phone's newest call of the kind; other phones' calls and the other kind do not count", () => {
    const calls = [
      alert(1, { acknowledgedBy: "Marco" }),
      alert(2),
      alert(3, { customerId: OTHER, customerName: "Guest 2" }),
      alert(4, { kind: "BILL" }),
    ];
    expect(lastCall("WAITER", ME, calls, null)?.id).toBe(id(302));
    expect(lastCall("BILL", ME, calls, null)?.id).toBe(id(304));
    expect(lastCall("WAITER", OTHER, calls, null)?.id).toBe(id(303));
    expect(lastCall("WAITER", ME, [], null)).toBeNull();
  });

  test("the raise's ack shows the call before its event arrives", () => {
    expect(lastCall("WAITER", ME, [], alert(1))).toEqual(alert(1));
    expect(lastCall("BILL", ME, [], alert(1))).toBeNull();
  });

  test("of two copies of one call, the acknowledged one wins, whichever came first", () => {
    const seen = alert(1, { acknowledgedBy: "Marco" });
    expect(lastCall("WAITER", ME, [seen], alert(1))).toEqual(seen);
    expect(lastCall("WAITER", ME, [alert(1)], seen)).toEqual(seen);
  });

  test("an older ack does not hide a newer call from the live state", () => {
    expect(lastCall("WAITER", ME, [alert(1, { acknowledgedBy: "Marco" }), alert(2)], alert(1))?.id).toBe(id(302));
  });
});

describe("callView", () => {
  test("sending shows at once, then the call's own state", () => {
    expect(callView(true, null, alert(1, { acknowledgedBy: "Marco" }))).toEqual({ state: "sending" });
    expect(callView(false, null, null)).toEqual({ state: "idle" });
    expect(callView(false, null, alert(1))).toEqual({ state: "waiting", alert: alert(1) });
    const seen = alert(1, { acknowledgedBy: "Marco" });
    expect(callView(false, null, seen)).toEqual({ state: "seen", alert: seen });
    expect(callView(false, "refused", null)).toEqual({ state: "failed", message: "refused" });
  });

  test("no second call while one is sent or waiting; after it was seen, or failed, the phone may call again", () => {
    expect(canCall({ state: "sending" })).toBe(false);
    expect(canCall({ state: "waiting", alert: alert(1) })).toBe(false);
    expect(canCall({ state: "idle" })).toBe(true);
    expect(canCall({ state: "seen", alert: alert(1, { acknowledgedBy: "Marco" }) })).toBe(true);
    expect(canCall({ state: "failed", message: "x" })).toBe(true);
  });
});
