import { describe, expect, test } from "vitest";
import { markSeen, pruneSeen, SEEN_KEPT_MAX, SEEN_KEPT_MS } from "../../../src/staff/floor/seen-store";

const NOW = Date.parse("2026-11-21T12:00:00.000Z");

describe("seen marks", () => {
  test("marking adds the key at now and keeps the others", () => {
    expect(markSeen({ "order:a": NOW - 1000 }, "ready:a", NOW)).toEqual({ "order:a": NOW - 1000, "ready:a": NOW });
  });

  test("marks older than a long shift are dropped", () => {
    expect(pruneSeen({ old: NOW - SEEN_KEPT_MS, fresh: NOW - SEEN_KEPT_MS + 1 }, NOW)).toEqual({ fresh: NOW - SEEN_KEPT_MS + 1 });
  });

  test("at most SEEN_KEPT_MAX marks, the newest kept", () => {
    const many = Object.fromEntries(Array.from({ length: SEEN_KEPT_MAX + 5 }, (_, i) => [`k${i}`, NOW - i]));
    const kept = pruneSeen(many, NOW);
    expect(Object.keys(kept)).toHaveLength(SEEN_KEPT_MAX);
    expect(kept.k0).toBe(NOW);
    expect(kept[`k${SEEN_KEPT_MAX}`]).toBeUndefined();
  });

  test("whatever else was stored is dropped", () => {
    expect(pruneSeen({ bad: "yesterday" as unknown as number, ok: NOW }, NOW)).toEqual({ ok: NOW });
  });
});
