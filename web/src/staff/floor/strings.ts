/** The floor's strings (/panel: the tables' tiles, triage and the feed) (English; strings.ts gathers every area's). */
export const floorStrings = {
  /** The panel's triage: waits, order ages, the feed of what needs action, the offline banner. */
  triage: {
    ageUnderMinute: "<1 min",
    ageMinutes: (n: number) => `${n} min`,
    ageHours: (h: number, m: number) => `${h} h ${String(m).padStart(2, "0")} min`,
    /** Before an age: "Waiting 4 min" (on order cards only screen readers hear it). */
    waitingPrefix: "Waiting",
    urgency: { fresh: "", amber: "Getting late", red: "Late" } satisfies Record<"fresh" | "amber" | "red", string>,
    feedTitle: "Needs action",
    feedEmpty: "Nothing needs action. New orders, calls and bill requests appear here.",
    feedCount: (n: number) => (n === 1 ? "1 item" : `${n} items`),
    kind: {
      order: "New order",
      ready: "Ready to deliver",
      call: "Waiter call",
      bill: "Bill request",
      phone: "Phone waiting to be accepted",
    } satisfies Record<"order" | "ready" | "call" | "bill" | "phone", string>,
    seen: "Seen",
    seenLabel: (what: string, label: string) => `Seen: ${what}, ${label}`,
    openLabel: (label: string) => `Open ${label}`,
    deliverLabel: (label: string) => `Delivered: ${label}, from Needs action`,
    acknowledgeLabel: (what: string, label: string) => `Acknowledge: ${what}, ${label}, from Needs action`,
    offline: "Offline — changes will show when the connection is back",
  },
  floor: {
    title: "Floor",
    summary: (seated: number, total: number) => `${seated} of ${total} seated`,
    noTables: "No tables yet.",
    addTables: "Add tables",
    noArea: "Other tables",
    free: "Free",
    seat: "Seat",
    seating: "Seating…",
    seatTable: (name: string) => `Seat ${name}`,
    seats: (n: number) => (n === 1 ? "1 seat" : `${n} seats`),
    seated: "Seated",
    seatedFor: (minutes: number) =>
      minutes < 1
        ? "just now"
        : minutes < 60
          ? `${minutes} min`
          : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`,
    phones: (n: number) => (n === 1 ? "1 phone" : `${n} phones`),
    pending: (amount: string) => `+${amount} pending`,
    /** What a seated table waits for, on its tile (floor.ts: TILE_FLAGS). */
    flags: {
      call: "Waiter called",
      bill: "Bill requested",
      ready: (orders: number, minutes: number) => `Food ready${orders > 1 ? ` ×${orders}` : ""}${minutes >= 1 ? ` · ${minutes} min` : ""}`,
      attention: "Order failed",
      phone: "Phone to accept",
      held: (courses: readonly string[]) => `${courses.join(", ")} held`,
      waiting: (minutes: number) => (minutes < 1 ? "In the kitchen" : `Kitchen ${minutes} min`),
      /** Later than the kitchen's own estimate for it (issue 35). */
      late: "Food late",
    },
    withoutTable: "Without a table",
    withoutTableHint: "Not on a table? Open a session by label, for a code you hand out.",
  },
};
