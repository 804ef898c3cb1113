/**
 * Staff roles and what each may do: one table, read by the server (every REST route and
 * socket command names the permission it needs) and by the web app (what it shows).
 * zod-free, so the guest bundle does not pay for it.
 */
export const STAFF_ROLES = ["OWNER", "MANAGER", "SERVER", "KITCHEN"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

const EVERYONE = STAFF_ROLES;
const FLOOR = ["OWNER", "MANAGER", "SERVER"] as const;
const MANAGERS = ["OWNER", "MANAGER"] as const;

/** Each permission: the roles that have it, and what it lets them do (for FORBIDDEN messages). */
export const PERMISSIONS = {
  /** The location's settings (opening a session on first scan, time zone, ticket thresholds). */
  "location.settings": { roles: ["OWNER"], what: "change the location's settings" },
  /** Staff accounts: create, change role, reset a password, deactivate (managers: not owners). */
  "staff.manage": { roles: MANAGERS, what: "manage staff accounts" },
  /** Categories, products, options, photos, stations. */
  "menu.edit": { roles: MANAGERS, what: "edit the menu" },
  /** Add, rename, reorder and retire tables; print their cards. */
  "tables.edit": { roles: MANAGERS, what: "edit tables" },
  /** The location's network printers: add, change, remove, test-print. */
  "printers.manage": { roles: MANAGERS, what: "manage printers" },
  /** Run a print bridge: take the jobs of the location's printers behind it (a KITCHEN account made for it). */
  "printers.bridge": { roles: ["OWNER", "MANAGER", "KITCHEN"], what: "run a print bridge" },
  /** The day's takings. */
  "stats.view": { roles: MANAGERS, what: "see the takings" },
  /** Z reports of business days and reports over ranges of days, with their CSV (issue 33). */
  "reports.view": { roles: MANAGERS, what: "see the reports" },
  /** Close a business day: its Z report is stored and the day locked. */
  "day.close": { roles: MANAGERS, what: "close the day" },
  /** Read the menu as staff see it (hidden and sold-out products included). */
  "menu.view": { roles: FLOOR, what: "see the menu" },
  /** Mark a product sold out or back. */
  "menu.stock": { roles: FLOOR, what: "mark products sold out" },
  /** The floor: seat and close tables, see sessions and orders, move and cancel orders, answer calls, remove phones. */
  "floor.serve": { roles: FLOOR, what: "serve tables" },
  /** Take an order at a table for its guests (the order pad: `order:enter`), and hold and fire its courses (`course:hold|fire`). */
  "orders.enter": { roles: FLOOR, what: "take orders and fire courses" },
  /** Split a bill by item: say who pays which lines and shares (any payer: phones, seats, persons). */
  "bill.split": { roles: FLOOR, what: "split bills" },
  /** Record a payment against a bill (and the refund a cancelled, paid order needs). */
  "payments.record": { roles: FLOOR, what: "record payments" },
  /** Give money back from a payment, with a reason (through the provider for one made on a phone). */
  "payments.refund": { roles: MANAGERS, what: "refund payments" },
  /**
   * Cancel food the kitchen has started (a ticket past NEW, or the order ready): money the
   * venue spent. Always with a reason, logged with who and the amount (issue 30).
   */
  "orders.void": { roles: MANAGERS, what: "cancel food the kitchen has started" },
  /** Give a line free of charge (a comp), with a reason (corrections.ts). */
  "orders.comp": { roles: MANAGERS, what: "give food free of charge" },
  /** Discount a line or the bill, with a reason, up to the role's limit (corrections.ts DISCOUNT_LIMIT_BPS). */
  "orders.discount": { roles: FLOOR, what: "give discounts" },
  /** Close a session without its bill paid in full: the rest is waived, with a reason. */
  "bill.waive": { roles: MANAGERS, what: "waive part of a bill" },
  /** A kitchen or bar display: see its tickets and bump them. */
  "kitchen.work": { roles: EVERYONE, what: "work a kitchen display" },
  /** The location itself (name, currency, time zone, thresholds): every account needs it. */
  "location.view": { roles: EVERYONE, what: "see the location" },
} as const satisfies Record<string, { roles: readonly StaffRoleName[]; what: string }>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRoleName, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly StaffRoleName[]).includes(role);
}

/** "a KITCHEN account cannot record payments (needs OWNER, MANAGER or SERVER)". */
export function forbiddenMessage(role: StaffRoleName, permission: Permission): string {
  const { roles, what } = PERMISSIONS[permission];
  const needs = roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(", ")} or ${roles.at(-1)}`;
  return `a ${role} account cannot ${what} (needs ${needs})`;
}

/**
 * Whether `actor` may create an account with, or move an account to or from, `role`:
 * owners manage everyone; managers manage everyone but owners (and cannot make one).
 */
export function canManageRole(actor: StaffRoleName, role: StaffRoleName): boolean {
  if (!can(actor, "staff.manage")) return false;
  return actor === "OWNER" || role !== "OWNER";
}

/**
 * Who hears a location's live events, fullest view first. A staff socket joins the room of the
 * first audience whose permission its role has, and only that one, so no event reaches it
 * twice; what each audience reads of each event is in events.ts (SESSION_EVENTS, BROADCASTS).
 * Floor roles read whole events; a role with the kitchen display alone reads tickets.
 */
export const STAFF_AUDIENCES = ["floor.serve", "kitchen.work"] as const satisfies readonly Permission[];
export type StaffAudience = (typeof STAFF_AUDIENCES)[number];

/** The audience a role's sockets listen as, or null when it may read no live event. */
export function audienceOf(role: StaffRoleName): StaffAudience | null {
  return STAFF_AUDIENCES.find((audience) => can(role, audience)) ?? null;
}

/**
 * Whether an audience's room may carry what `permission` guards: every role listening in it
 * has the permission. (The contract's test holds each audience's roles to agree, so no role
 * hears less than REST gives it either.)
 */
export function audienceMay(audience: StaffAudience, permission: Permission): boolean {
  const members = STAFF_ROLES.filter((role) => audienceOf(role) === audience);
  return members.length > 0 && members.every((role) => can(role, permission));
}
