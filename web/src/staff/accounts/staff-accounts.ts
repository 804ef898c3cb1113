/**
 * What the staff pages may show to whom: the pages of the panel, the roles a role picker
 * offers and the actions on an account. Only a mirror of the server's checks (contract
 * staff-roles.ts), so people do not meet 403s; the server still decides.
 */
import { can, canManageRole, LIMITS, type Permission, STAFF_ROLES, type StaffRoleName } from "@ordered/contract/client";
import { strings } from "../../strings";

/** The panel's pages, each with the permission it needs. */
export const PAGE_PERMISSION = {
  sessions: "floor.serve",
  tables: "tables.edit",
  cards: "tables.edit",
  products: "menu.view",
  /** The menu's translations (issue 35): whoever edits the menu. */
  translations: "menu.edit",
  staff: "staff.manage",
  /** Z reports, closing the day, reports over days (issue 33). */
  reports: "reports.view",
  /** The receipts' legal identity and the time zone: the owner's. */
  settings: "location.settings",
} as const satisfies Record<string, Permission>;
export type PanelPageName = keyof typeof PAGE_PERMISSION;

export function canSeePage(role: StaffRoleName, page: PanelPageName): boolean {
  return can(role, PAGE_PERMISSION[page]);
}

/** Where an account lands after logging in: the kitchen display for KITCHEN, the panel for the rest. */
export function homePathOf(role: StaffRoleName): string {
  return can(role, "floor.serve") ? "/panel" : "/kitchen";
}

/** The roles `actor` may give an account, in the contract's order (owners first). */
export function rolesOffered(actor: StaffRoleName): StaffRoleName[] {
  return STAFF_ROLES.filter((r) => canManageRole(actor, r));
}

export interface AccountActions {
  /** Change the name (and the role, when `changeRole`). */
  edit: boolean;
  changeRole: boolean;
  /** Deactivate an active account, or reactivate an inactive one. */
  toggleActive: boolean;
  /** A new one-time link; the old password stops working. */
  resetPassword: boolean;
}

const NONE: AccountActions = { edit: false, changeRole: false, toggleActive: false, resetPassword: false };

/**
 * What `actor` may do to `account`. Managers do not touch owners at all; nobody changes
 * their own role or deactivates themselves (the server answers 409), and one's own password
 * is changed with the current one ("Change password"), not reset.
 */
export function accountActions(actor: { id: string; role: StaffRoleName }, account: { id: string; role: StaffRoleName }): AccountActions {
  if (!canManageRole(actor.role, account.role)) return NONE;
  const self = actor.id === account.id;
  return { edit: true, changeRole: !self, toggleActive: !self, resetPassword: !self };
}

/** Why a new password (typed twice) cannot be sent, or null; the server checks the same minimum. */
export function newPasswordError(password: string, repeated: string): "short" | "mismatch" | null {
  if (password.length < LIMITS.auth.passwordMin) return "short";
  if (password !== repeated) return "mismatch";
  return null;
}

/**
 * The token of a setup link (`/setup#<token>`): it travels in the fragment so it never
 * reaches a server log or a Referer header. null when the link was cut short.
 */
export function setupTokenOf(hash: string): string | null {
  let token = hash.replace(/^#/, "").trim();
  try {
    token = decodeURIComponent(token);
  } catch {
    return null;
  }
  return token.length > 0 && token.length <= LIMITS.auth.setupTokenLength ? token : null;
}

/** When a setup link expires, as people read it: "today at 18:30", "tomorrow at 09:00" or "on 12 Mar at 09:00". */
export function expiryText(expiresAt: string, now: Date = new Date()): string {
  const at = new Date(expiresAt);
  const time = at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(at) - day(now)) / 86_400_000);
  const e = strings.staffAccounts.expiry;
  if (days === 0) return e.today(time);
  if (days === 1) return e.tomorrow(time);
  return e.on(at.toLocaleDateString(undefined, { day: "numeric", month: "short" }), time);
}

/** The ticket-timing form's two fields as a LocationSettingsBody, or why not: whole minutes, amber before red. */
export function thresholdsOf(
  amber: string,
  red: string,
): { body: { ticketAmberMinutes: number; ticketRedMinutes: number } } | { error: "whole" | "order" } {
  const minutes = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
  const a = minutes(amber);
  const r = minutes(red);
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= LIMITS.kitchen.maxTicketMinutes;
  if (!ok(a) || !ok(r)) return { error: "whole" };
  if (a >= r) return { error: "order" };
  return { body: { ticketAmberMinutes: a, ticketRedMinutes: r } };
}
