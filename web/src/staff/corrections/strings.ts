import type { CorrectionKind } from "@ordered/contract/client";

/** Corrections on the panel (issue 32): a line's Void, Comp and Discount, the bill's discount (English). */
export const correctionStrings = {
  lineButton: "Correct…",
  lineButtonLabel: (line: string, order: string) => `Correct ${line} of order ${order}`,
  billButton: "Discount bill…",
  title: (what: string) => `Correct ${what}`,
  billTitle: (label: string) => `Discount the bill of ${label}`,
  kinds: { VOID: "Void", COMP: "Comp (on the house)", DISCOUNT: "Discount" } satisfies Record<CorrectionKind, string>,
  kindHints: {
    VOID: "The line counts nothing; the kitchen sees it struck through.",
    COMP: "Free of charge: the line stays, at 0.",
    DISCOUNT: "Take a percent or an amount off.",
  } satisfies Record<CorrectionKind, string>,
  percent: "Percent",
  amount: "Amount",
  valueLabel: (percent: boolean) => (percent ? "Percent off" : "Amount off"),
  started: "The kitchen has started this line.",
  reason: "Reason",
  reasonOptional: "Reason (optional)",
  reasonPlaceholder: "e.g. sent back, birthday, waited too long",
  reasonMissing: "Say why: it is logged and printed on the receipt.",
  valueMissing: "Enter how much to take off.",
  approvalNeeded: "This needs a manager: they type their email and password here to approve it.",
  approvalEmail: "Manager's email",
  approvalPassword: "Manager's password",
  refundTitle: "It was paid for: how is the money given back?",
  submit: (kind: CorrectionKind) => ({ VOID: "Void line", COMP: "Comp line", DISCOUNT: "Give discount" })[kind],
  cancel: "Keep as it is",
  done: (kind: CorrectionKind, what: string) => `${correctionStrings.kinds[kind]}: ${what}`,
};
