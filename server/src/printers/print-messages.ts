/**
 * The words only paper has, in the receipts' five languages (the rest of a printed bill or
 * receipt is the mailed receipt's wording: receipts/mail-messages.ts).
 */
import type { ReceiptLanguage } from "@ordered/contract";

const en = {
  /** Over an open table's bill: it is no proof of payment (fiscal rules tell the two apart). */
  bill: "BILL - not a receipt",
  reprint: "*** REPRINT ***",
  printedAt: "Printed {when}",
  taxesIn: "Taxes ({currency})",
};
type PrintMessages = typeof en;

const de: PrintMessages = {
  bill: "ZWISCHENRECHNUNG - kein Beleg",
  reprint: "*** KOPIE ***",
  printedAt: "Gedruckt {when}",
  taxesIn: "Steuern ({currency})",
};
const fr: PrintMessages = {
  bill: "NOTE - ceci n'est pas un ticket",
  reprint: "*** DUPLICATA ***",
  printedAt: "Imprimé {when}",
  taxesIn: "Taxes ({currency})",
};
const es: PrintMessages = {
  bill: "CUENTA - no es un ticket",
  reprint: "*** COPIA ***",
  printedAt: "Impreso {when}",
  taxesIn: "Impuestos ({currency})",
};
const it: PrintMessages = {
  bill: "PRECONTO - non è uno scontrino",
  reprint: "*** RISTAMPA ***",
  printedAt: "Stampato {when}",
  taxesIn: "Imposte ({currency})",
};

const MESSAGES: Record<ReceiptLanguage, PrintMessages> = { en, de, fr, es, it };

/** The message `id` in `language`, its `{placeholders}` filled from `values`. */
export function printText(language: ReceiptLanguage, id: keyof PrintMessages, values: Record<string, string> = {}): string {
  return MESSAGES[language][id].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
