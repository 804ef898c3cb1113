import { LIMITS, STAFF_ROLES, type StaffRoleName } from "@ordered/contract";
import { describe, expect, test } from "vitest";
import {
  accountActions,
  canSeePage,
  expiryText,
  homePathOf,
  newPasswordError,
  rolesOffered,
  setupTokenOf,
  thresholdsOf,
} from "../../../src/staff/accounts/staff-accounts";
import { strings } from "../../../src/strings";

const me = (role: StaffRoleName) => ({ id: "me", role });
const other = (role: StaffRoleName) => ({ id: "other", role });

describe("rolesOffered", () => {
  test("an owner may give every role; a manager every role but owner; the others none", () => {
    expect(rolesOffered("OWNER")).toEqual(["OWNER", "MANAGER", "SERVER", "KITCHEN"]);
    expect(rolesOffered("MANAGER")).toEqual(["MANAGER", "SERVER", "KITCHEN"]);
    expect(rolesOffered("SERVER")).toEqual([]);
    expect(rolesOffered("KITCHEN")).toEqual([]);
  });
});

describe("accountActions", () => {
  test("an owner manages everyone else fully", () => {
    for (const role of STAFF_ROLES) {
      expect(accountActions(me("OWNER"), other(role))).toEqual({ edit: true, changeRole: true, toggleActive: true, resetPassword: true });
    }
  });

  test("a manager gets no controls for an owner", () => {
    expect(accountActions(me("MANAGER"), other("OWNER"))).toEqual({
      edit: false,
      changeRole: false,
      toggleActive: false,
      resetPassword: false,
    });
    expect(accountActions(me("MANAGER"), other("MANAGER")).toggleActive).toBe(true);
    expect(accountActions(me("MANAGER"), other("KITCHEN")).resetPassword).toBe(true);
  });

  test("nobody changes their own role, deactivates or resets themselves; the name they may change", () => {
    expect(accountActions(me("OWNER"), { id: "me", role: "OWNER" })).toEqual({
      edit: true,
      changeRole: false,
      toggleActive: false,
      resetPassword: false,
    });
  });

  test("waiters and kitchen accounts manage nobody", () => {
    for (const role of STAFF_ROLES) {
      expect(accountActions(me("SERVER"), other(role)).edit).toBe(false);
      expect(accountActions(me("KITCHEN"), other(role)).edit).toBe(false);
    }
  });
});

describe("pages by role", () => {
  test("a waiter sees the floor and the products (for sold out), not tables or staff", () => {
    expect(canSeePage("SERVER", "sessions")).toBe(true);
    expect(canSeePage("SERVER", "products")).toBe(true);
    expect(canSeePage("SERVER", "tables")).toBe(false);
    expect(canSeePage("SERVER", "cards")).toBe(false);
    expect(canSeePage("SERVER", "staff")).toBe(false);
    expect(canSeePage("SERVER", "translations")).toBe(false);
    expect(canSeePage("SERVER", "settings")).toBe(false);
    expect(canSeePage("SERVER", "reports")).toBe(false);
  });

  test("the menu's translations are for whoever edits the menu", () => {
    expect(canSeePage("OWNER", "translations")).toBe(true);
    expect(canSeePage("MANAGER", "translations")).toBe(true);
  });

  test("reports (the Z report, closing the day) are the owner's and the managers'", () => {
    expect(canSeePage("OWNER", "reports")).toBe(true);
    expect(canSeePage("MANAGER", "reports")).toBe(true);
    expect(canSeePage("KITCHEN", "reports")).toBe(false);
  });

  test("the settings page (receipts, time zone) is the owner's", () => {
    expect(canSeePage("OWNER", "settings")).toBe(true);
    expect(canSeePage("MANAGER", "settings")).toBe(false);
    expect(canSeePage("KITCHEN", "settings")).toBe(false);
  });

  test("managers see everything in the panel; kitchen accounts nothing of it", () => {
    for (const page of ["sessions", "tables", "cards", "products", "staff", "reports"] as const) {
      expect(canSeePage("MANAGER", page)).toBe(true);
      expect(canSeePage("KITCHEN", page)).toBe(false);
    }
  });

  test("a kitchen account's home is the kitchen display", () => {
    expect(homePathOf("KITCHEN")).toBe("/kitchen");
    expect(homePathOf("SERVER")).toBe("/panel");
    expect(homePathOf("OWNER")).toBe("/panel");
  });
});

describe("newPasswordError", () => {
  const ok = "x".repeat(LIMITS.auth.passwordMin);
  test("at least the contract's minimum, typed the same twice", () => {
    expect(newPasswordError(ok, ok)).toBeNull();
    expect(newPasswordError(ok.slice(1), ok.slice(1))).toBe("short");
    expect(newPasswordError(ok, `${ok}y`)).toBe("mismatch");
  });
});

describe("setupTokenOf", () => {
  test("the fragment, without its #; nothing when cut short or too long", () => {
    expect(setupTokenOf("#abc_DEF-123")).toBe("abc_DEF-123");
    expect(setupTokenOf("#")).toBeNull();
    expect(setupTokenOf("")).toBeNull();
    expect(setupTokenOf(`#${"a".repeat(LIMITS.auth.setupTokenLength + 1)}`)).toBeNull();
    expect(setupTokenOf("#%E0%A4%A")).toBeNull();
  });
});

describe("expiryText", () => {
  const now = new Date(2026, 10, 21, 10, 0);
  const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  test("today, tomorrow, or the date", () => {
    const today = new Date(2026, 10, 21, 18, 30);
    const tomorrow = new Date(2026, 10, 22, 9, 0);
    const later = new Date(2026, 10, 28, 9, 0);
    expect(expiryText(today.toISOString(), now)).toBe(strings.staffAccounts.expiry.today(time(today)));
    expect(expiryText(tomorrow.toISOString(), now)).toBe(strings.staffAccounts.expiry.tomorrow(time(tomorrow)));
    expect(expiryText(later.toISOString(), now)).toContain(time(later));
    expect(expiryText(later.toISOString(), now)).toMatch(/^on /);
  });
});

describe("thresholdsOf", () => {
  test("whole minutes within the limit, amber before red", () => {
    expect(thresholdsOf("10", " 20 ")).toEqual({ body: { ticketAmberMinutes: 10, ticketRedMinutes: 20 } });
    expect(thresholdsOf("20", "20")).toEqual({ error: "order" });
    expect(thresholdsOf("25", "20")).toEqual({ error: "order" });
    expect(thresholdsOf("", "20")).toEqual({ error: "whole" });
    expect(thresholdsOf("1.5", "20")).toEqual({ error: "whole" });
    expect(thresholdsOf("0", "20")).toEqual({ error: "whole" });
    expect(thresholdsOf("10", String(LIMITS.kitchen.maxTicketMinutes + 1))).toEqual({ error: "whole" });
  });
});
