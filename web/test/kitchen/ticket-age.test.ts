import { describe, expect, test } from "vitest";
import { ticketAge } from "../../src/kitchen/ticket-age";

const min = 60_000;

describe("ticketAge: urgency under the location's thresholds", () => {
  const since = "2026-11-21T12:00:00.000Z";
  const at = (minutes: number) => Date.parse(since) + minutes * min;
  const thresholds = { amberMinutes: 5, redMinutes: 8 };

  test("fresh, then amber from the amber minute, red from the red one", () => {
    expect(ticketAge(since, at(4.99), thresholds).urgency).toBe("fresh");
    expect(ticketAge(since, at(5), thresholds).urgency).toBe("amber");
    expect(ticketAge(since, at(7.9), thresholds).urgency).toBe("amber");
    expect(ticketAge(since, at(8), thresholds)).toEqual({ ms: 8 * min, urgency: "red" });
  });

  test("a ticket from the future (clock skew) is fresh and 0 old", () => {
    expect(ticketAge(since, at(-1), thresholds)).toEqual({ ms: 0, urgency: "fresh" });
  });
});
