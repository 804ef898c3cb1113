/** Merging sessions, splitting one off and moving lines, on the panel (English; strings.ts gathers it). */
export const transferStrings = {
  transfer: {
    mergeButton: "Merge with…",
    mergeTitle: (label: string) => `Merge ${label} with…`,
    mergeHint: (label: string) =>
      `Everything of ${label} — its orders, phones, payments and calls — goes to the table you choose, which keeps its table, QR code and PIN. ${label} closes and its table is free.`,
    mergeInto: (label: string) => `Merge into ${label}`,
    mergeChoose: "The table it joins",
    noOtherSessions: "No other table is seated.",
    moveTableButton: "Move table…",
    moveTableTitle: (label: string) => `Move ${label} to…`,
    moveTableHint: (label: string) =>
      `The party of ${label} moves to the table you choose: its phones, orders, bill and PIN go with it, and ${label} is free.`,
    moveTableTo: "The free table it moves to",
    moveTableConfirm: (table: string) => `Move to ${table}`,
    splitButton: "Split off…",
    splitTitle: (label: string) => `Split off from ${label}`,
    splitPhones: "Phones that move, with their orders",
    splitTable: "To the free table",
    splitPaymentsStay: (label: string) =>
      `Payments already recorded stay on ${label}'s bill. Orders staff took without a phone stay too; move single lines with "Move to…".`,
    splitConfirm: "Split off",
    noPhones: "No phones at this table to split off.",
    noFreeTables: "No table is free.",
    choosePhones: "Choose at least one phone.",
    chooseTable: "Choose a free table.",
    loadingTables: "Loading tables…",
    moveButton: "Move to…",
    moveLabel: (label: string) => `Move to… (lines of ${label})`,
    moveTitle: (label: string) => `Move lines of ${label}`,
    moveLines: "Lines that move",
    moveTo: "To the bill of",
    moveHint: "The kitchen keeps making them with this order; they leave this bill and go onto the other.",
    moveConfirm: "Move lines",
    chooseLines: "Choose at least one line.",
    chooseSession: "Choose a table.",
    movedTo: (label: string) => `on ${label}'s bill`,
    /** On an order that came from another table (a merge, a split-off, moved lines). */
    movedFrom: (label: string) => `from ${label}`,
    cancel: "Cancel",
    done: {
      merged: (from: string, into: string) => `${from} merged into ${into}`,
      split: (from: string, to: string) => `Split off from ${from} to ${to}`,
      moved: (to: string) => `Lines moved to ${to}`,
      movedTable: (from: string, to: string) => `${from} moved to ${to}`,
    },
  },
};
