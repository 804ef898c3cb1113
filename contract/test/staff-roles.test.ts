import { describe, expect, it } from "vitest";
import { DEFAULT_TICKET_MINUTES, TICKET_NEXT, TICKET_PREVIOUS, TICKET_STATUSES, ticketUrgency } from "../src/kitchen.js";
import { can, canManageRole, forbiddenMessage, PERMISSIONS, STAFF_ROLES } from "../src/staff-roles.js";

describe("roles", () => {
  it("give owners everything and the kitchen only its display, the location and a print bridge", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can("OWNER", permission), permission).toBe(true);
    }
    const kitchen = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can("KITCHEN", p));
    expect(kitchen.sort()).toEqual(["kitchen.work", "location.view", "printers.bridge"]);
    expect(can("SERVER", "printers.bridge")).toBe(false);
    expect(can("SERVER", "payments.record")).toBe(true);
    expect(can("SERVER", "menu.edit")).toBe(false);
    expect(can("MANAGER", "location.settings")).toBe(false);
  });

  it("name the role and what is missing when refusing", () => {
    expect(forbiddenMessage("KITCHEN", "payments.record")).toBe(
      "a KITCHEN account cannot record payments (needs OWNER, MANAGER or SERVER)",
    );
    expect(forbiddenMessage("MANAGER", "location.settings")).toBe("a MANAGER account cannot change the location's settings (needs OWNER)");
  });

  it("let owners manage every role and managers every role but owners", () => {
    expect(STAFF_ROLES.filter((r) => canManageRole("OWNER", r))).toEqual([...STAFF_ROLES]);
    expect(STAFF_ROLES.filter((r) => canManageRole("MANAGER", r))).toEqual(["MANAGER", "SERVER", "KITCHEN"]);
    expect(STAFF_ROLES.filter((r) => canManageRole("SERVER", r))).toEqual([]);
  });
});

describe("kitchen tickets", () => {
  it("move one step forward, and a recall takes back exactly one", () => {
    for (const status of TICKET_STATUSES) {
      const next = TICKET_NEXT[status];
      if (next) expect(TICKET_PREVIOUS[next]).toBe(status);
    }
    expect(TICKET_NEXT.READY).toBeNull();
    expect(TICKET_PREVIOUS.NEW).toBeNull();
  });

  it("turn amber, then red, at the location's thresholds", () => {
    const t = { amberMinutes: DEFAULT_TICKET_MINUTES.amber, redMinutes: DEFAULT_TICKET_MINUTES.red };
    expect(ticketUrgency(9.99 * 60_000, t)).toBe("fresh");
    expect(ticketUrgency(10 * 60_000, t)).toBe("amber");
    expect(ticketUrgency(20 * 60_000, t)).toBe("red");
  });
});
