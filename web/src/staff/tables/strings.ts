import type { CardJoinCheck } from "@ordered/contract/client";

/** The tables admin's and the printable cards' strings (English; strings.ts gathers every area's). */
export const tableStrings = {
  tables: {
    title: "Tables",
    printCards: "Print table cards",
    setting: "Scanning a free table's card",
    openOnFirstScan: "Open a seating on first scan",
    openOnFirstScanHint: "A phone that scans the card of a free table seats it at once, instead of being asked to wait for staff.",
    ownerOnly: "Only the owner can change this.",
    /** The location's card check (contract: CARD_JOIN_CHECKS); each option says what it protects against. */
    cardCheckTitle: "A new phone at a table's card",
    cardCheckIntro:
      "A table's card is there for ever, and in every photo of it. Choose what a phone that joined through the card must do before its first order; phones that joined with the seating's own QR code (shown on your device) need nothing.",
    cardCheck: {
      PIN: {
        label: "Type the table's PIN (recommended)",
        hint: "Each seating has a 4-digit PIN on its card in the panel; show or say it at the table. A photo of the card, or yesterday's phone, cannot order without it, and a few wrong tries leave the phone to you to accept.",
      },
      STAFF_APPROVAL: {
        label: "Staff accept each new phone",
        hint: "A new phone waits until someone taps Accept next to it in the seating's phones; the guest's phone says it is waiting. Nothing to say at the table, a tap for every phone.",
      },
      OFF: {
        label: "No check",
        hint: "Anyone with the card's link, even a photo of it from home, can order onto the table's bill. Only where every card is watched.",
      },
    } satisfies Record<CardJoinCheck, { label: string; hint: string }>,
    addTitle: "Add a table",
    name: "Name",
    namePlaceholder: "e.g. Table 4",
    area: "Area",
    areaPlaceholder: "e.g. Terrace",
    seats: "Seats",
    optional: "optional",
    add: "Add table",
    adding: "Adding…",
    invalidSeats: "Seats must be a whole number of at least 1, or empty.",
    listTitle: "On the floor",
    count: (n: number) => (n === 1 ? "1 table" : `${n} tables`),
    empty: "No tables yet. Add the first one above.",
    position: (n: number) => `${n}.`,
    noArea: "No area",
    seatsCount: (n: number) => (n === 1 ? "1 seat" : `${n} seats`),
    seated: "Seated",
    free: "Free",
    up: "↑",
    down: "↓",
    moveUp: (name: string) => `Move ${name} up`,
    moveDown: (name: string) => `Move ${name} down`,
    editShort: "Edit",
    edit: (name: string) => `Edit ${name}`,
    editTitle: (name: string) => `Edit ${name}`,
    retireShort: "Retire",
    retire: (name: string) => `Retire ${name}`,
    retireTitle: "Retire table",
    confirmRetire: (name: string) => `Retire ${name}? It leaves the floor and its card stops seating guests. Its past seatings are kept.`,
  },
  cards: {
    title: "Table cards",
    back: "Back to tables",
    print: "Print",
    hint: "Six cards per A4 page. Cut along the dashed lines.",
    card: (name: string) => `Card for ${name}`,
    qr: (name: string) => `QR code for ${name}`,
    scan: "Scan to order",
    none: "No tables yet. Add them under Tables first.",
  },
  /** The QR codes point at this computer (no PUBLIC_URL): said on the tables page, card sheet and QR dialog. */
  localUrl: {
    title: "Phones cannot open these QR codes yet",
    body: (host: string) => `They point to ${host}, an address only this computer can reach: a phone that scans them finds nothing.`,
    fixBefore: "Before printing, set PUBLIC_URL to an address phones on your network can reach, e.g. ",
    example: "PUBLIC_URL=http://192.168.1.20:3000",
    fixAfter: ", and restart the server.",
  },
};
