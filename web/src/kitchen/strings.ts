import type { BumpStep, TicketStatus } from "@ordered/contract/client";

/** The kitchen display's strings (English; strings.ts gathers every area's). */
export const kitchenStrings = {
  /** The kitchen/bar display (/kitchen, /kitchen/<station>). */
  kitchen: {
    title: "Kitchen display",
    chooseTitle: "Which station is this screen?",
    chooseHint: "Each station sees only its own lines. This screen remembers the choice.",
    lastUsed: "last used",
    noStations: "This location has no stations yet. An owner or manager adds them in the menu settings.",
    switchStation: "Switch station",
    unknownStation: "This station does not exist (any more).",
    empty: { NEW: "No new tickets", PREPARING: "Nothing in preparation", READY: "Nothing waiting at the pass" } satisfies Record<
      TicketStatus,
      string
    >,
    age: (age: string) => `Waiting ${age}`,
    readyAge: (age: string) => `Ready ${age}`,
    urgency: { fresh: "", amber: "getting late", red: "late" },
    bump: { PREPARING: "Start", READY: "Ready" } satisfies Record<BumpStep, string>,
    bumpLabel: (step: BumpStep, ticket: string) => (step === "PREPARING" ? `Start ${ticket}` : `Mark ${ticket} ready`),
    undo: "Undo",
    wholeOrder: (word: string) => `Whole order: ${word}`,
    undoLabel: (ticket: string) => `Undo the last move of ${ticket}`,
    allergyNote: "Allergy",
    /** A guest's declared allergies (issue 35): loudest on the ticket; read before it starts. */
    declared: "ALLERGY",
    contains: (list: string) => `CONTAINS ${list}`,
    acknowledge: "Allergy read ✓",
    acknowledgeLabel: (ticket: string) => `Allergy read: ${ticket} (the declared allergies of its guests)`,
    mustAcknowledge: "Read the declared allergies before starting.",
    acknowledged: (by: string, at: string) => `Allergies read by ${by} at ${at}`,
    changedSince: "The guest changed their allergies since: read again.",
    newBadge: "New",
    /** A course held at the table: the floor fires it (issue 32, item 3). */
    held: (course: string) => (course ? `held: ${course}` : "held"),
    seat: (n: number) => `seat ${n}`,
    /** A line staff voided (issue 32): struck through, do not make it. */
    voided: "VOID",
    soundSwitch: "New-ticket sound",
    soundStateOn: "On",
    soundStateOff: "Off",
    enableSound: "Tap to enable sound",
    enableSoundHint: "The browser blocked sound after the reload.",
    offline: "Offline: tickets may be out of date. Reconnecting…",
    reconnecting: "Connection lost: reconnecting… New tickets appear once it is back.",
    forbidden: "This account cannot use the kitchen display.",
    logout: "Log out",
  },
};
