import { describe, expect, it } from "vitest";
import { BROADCASTS, SESSION_EVENTS, sessionEventView } from "../src/events.js";
import { audienceMay, audienceOf, can, type Permission, STAFF_AUDIENCES, STAFF_ROLES } from "../src/staff-roles.js";

describe("staff audiences", () => {
  it("agree within: every role of an audience has, or lacks, each permission that reads an event alike", () => {
    // Otherwise one room would carry to some role what REST refuses it, or hide what REST gives it.
    const reads = new Set<Permission>([
      ...Object.values(SESSION_EVENTS).map((e) => e.read),
      ...Object.values(BROADCASTS).map((b) => b.read),
      ...STAFF_AUDIENCES,
    ]);
    for (const audience of STAFF_AUDIENCES) {
      const members = STAFF_ROLES.filter((role) => audienceOf(role) === audience);
      for (const permission of reads) {
        const has = members.map((role) => can(role, permission));
        expect(new Set(has).size, `${audience} / ${permission}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("give KITCHEN tickets only, and the floor everything whole", () => {
    expect(audienceOf("KITCHEN")).toBe("kitchen.work");
    for (const role of ["OWNER", "MANAGER", "SERVER"] as const) expect(audienceOf(role)).toBe("floor.serve");
    const kitchenReads = Object.fromEntries(
      Object.keys(SESSION_EVENTS).map((t) => [t, sessionEventView(t as keyof typeof SESSION_EVENTS, "kitchen.work")]),
    );
    expect(kitchenReads).toEqual({
      "session.opened": "kitchen",
      "session.closed": "kitchen",
      "session.moved": "kitchen",
      "session.merged": "kitchen",
      "session.split": "kitchen",
      "session.received": "kitchen",
      "order.placed": "kitchen",
      "order.updated": "kitchen",
      "order.corrected": "kitchen",
      "bill.discounted": "skipped",
      "customer.joined": "skipped",
      "customer.removed": "skipped",
      "customer.verified": "skipped",
      "alert.raised": "skipped",
      "alert.acknowledged": "skipped",
      "payment.recorded": "skipped",
      "bill.claimed": "skipped",
      "receipt.mailed": "skipped",
    });
    for (const t of Object.keys(SESSION_EVENTS)) expect(sessionEventView(t as keyof typeof SESSION_EVENTS, "floor.serve")).toBe("whole");
    for (const b of Object.values(BROADCASTS)) expect(audienceMay("kitchen.work", b.read)).toBe(false);
  });
});
