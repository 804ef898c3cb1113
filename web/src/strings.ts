import { kitchenStrings } from "./kitchen/strings";
import { accountStrings } from "./staff/accounts/strings";
import { floorStrings } from "./staff/floor/strings";
import { menuStrings } from "./staff/menu/strings";
import { orderPadStrings } from "./staff/order-pad/strings";
import { sessionStrings } from "./staff/sessions/strings";
import { transferStrings } from "./staff/sessions/transfers/strings";
import { settingStrings } from "./staff/settings/strings";
import { tableStrings } from "./staff/tables/strings";

/**
 * The staff screens' strings (English): what the panel and the kitchen share here, each area's
 * own beside it (staff/<feature>/strings.ts, kitchen/strings.ts), gathered into one `strings`.
 * What a guest's phone shows — and what staff and phones share, like order statuses and
 * receipts — is in the message catalogs (src/locales/<language>.json, through `t` in
 * i18n/i18n.ts), translated.
 */
export const strings = {
  appName: "Ordered",
  login: {
    title: "Staff sign in",
    form: "Staff login",
    email: "Email",
    password: "Password",
    submit: "Log in",
    submitting: "Logging in…",
  },
  panel: {
    nav: "Staff navigation",
    floorLink: "Floor",
    tablesLink: "Tables",
    productsLink: "Products",
    reportsLink: "Reports",
    loadingPage: "Loading…",
    logout: "Log out",
    signedInAs: (name: string, location: string) => `Signed in as ${name} at ${location}`,
    closedSessions: "Closed sessions",
    noClosedSessions: "No closed sessions yet.",
    newSession: "New session",
    newSessionLabel: "Table or label",
    newSessionPlaceholder: "e.g. Table 2",
    creating: "Opening…",
    openQr: (label: string) => `Show QR code for ${label}`,
    orderCount: (n: number) => (n === 1 ? "1 order" : `${n} orders`),
    noOrders: "No orders yet.",
    closeSession: "Close session",
    confirmClose: (label: string) => `Close the session for ${label}? Its QR code will stop working.`,
    sessionClosedAt: (time: string) => `Closed at ${time}`,
    openedAt: (time: string) => `Opened at ${time}`,
    feedTitle: "New orders",
    feedEmpty: "New orders from every table appear here.",
    qrBadge: "QR",
    feedItem: (label: string) => `${label}`,
  },
  printerAlerts: {
    notPrinting: (name: string) => `Printer ${name} is not printing:`,
    waiting: (n: number) => (n === 1 ? "1 job waiting" : `${n} jobs waiting`),
    goingTo: (backups: string[]) => `its tickets print on ${backups.join(", ")}`,
    noBackup: "its tickets wait for it (no backup printer)",
  },
  access: {
    signedOut: "You were signed out: your account was changed or deactivated. Sign in again, or ask your manager.",
    notAllowedTitle: "Not available to your role",
    notAllowed: (role: string) => `A ${role} account cannot use this page.`,
    toFloor: "Go to the floor",
  },
  ...floorStrings,
  ...sessionStrings,
  ...transferStrings,
  ...tableStrings,
  ...menuStrings,
  ...accountStrings,
  ...settingStrings,
  ...kitchenStrings,
  ...orderPadStrings,
};
