/**
 * A document for a receipt printer as plain data (lines with their emphasis, QR codes), so
 * the same list becomes the ESC/POS bytes and the plain text kept on the print job: what is
 * recorded is what was printed. Lines are wrapped here, at word boundaries, to the paper's
 * columns (halved for double-width lines), rather than left to the encoder, which would break
 * words and could not tell us where it broke.
 */
import type ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";
import type { PrintablePrinter } from "./rendered.js";
import { COLUMNS, encoderFor } from "./test-page.js";

export type { PrintablePrinter, RenderedJob } from "./rendered.js";

/** What the encoder's rule() draws (U+2500), so the text says what the paper shows. */
const RULE = "\u2500";

export interface PaperLine {
  text: string;
  bold?: boolean;
  /** White on black: what must not be missed. */
  invert?: boolean;
  /** Double width and height (half the columns). */
  big?: boolean;
  /** Double height only (all the columns): a line read from across the pass. */
  tall?: boolean;
  center?: boolean;
}

export type PaperItem = PaperLine | { qr: string } | { rule: true };

/** Characters a line of this style holds on the printer's paper. */
export function columnsFor(printer: PrintablePrinter, line: Pick<PaperLine, "big">): number {
  const columns = COLUMNS[printer.paperWidthMm];
  return line.big ? Math.floor(columns / 2) : columns;
}

/**
 * `text` in lines of at most `width` characters, broken between words; a word longer than a
 * line is cut (a long product name must still print whole). The first line keeps the text's
 * leading spaces, the following ones start with `indent`.
 */
export function wrap(text: string, width: number, indent = ""): string[] {
  const pad = indent.length < width / 2 ? indent : "";
  const first = (/^ */.exec(text)?.[0] ?? "").slice(0, Math.floor(width / 2));
  const trail = / *$/.exec(text)?.[0] ?? "";
  const lines: string[] = [];
  const lead = () => (lines.length > 0 ? pad : first);
  let current: string | null = null;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== null && current.length + 1 + word.length <= width) {
      current += ` ${word}`;
      continue;
    }
    if (current !== null) lines.push(current);
    let rest = word;
    while (lead().length + rest.length > width) {
      const take = width - lead().length;
      lines.push(lead() + rest.slice(0, take));
      rest = rest.slice(take);
    }
    current = lead() + rest;
  }
  if (current === null) return [text.slice(0, width)];
  lines.push(current.length + trail.length <= width ? current + trail : current);
  return lines;
}

/**
 * Text a thermal printer's code pages can show: the locales' no-break spaces as spaces, and
 * the few typographic marks none of them has as their plain forms.
 */
export function plainText(s: string): string {
  return s
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/×/g, "x")
    .replace(/[–—]/g, "-")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"');
}

/** `text` centred on the paper: padded here (not by the printer), so the text kept is the paper's. */
export function centre(text: string, width: number): string[] {
  return wrap(plainText(text).trim(), width).map((l) => " ".repeat(Math.floor((width - l.length) / 2)) + l);
}

/** A label and its amount: the amount right-aligned on the label's last line, or under it when that is full. */
export function amountRow(label: string, amount: string, width: number, indent = 0): string[] {
  const pad = " ".repeat(indent);
  const lines = wrap(plainText(label).trim(), width - indent).map((l) => pad + l);
  const value = plainText(amount);
  const last = lines.at(-1) ?? "";
  if (last.length + 1 + value.length <= width) lines[lines.length - 1] = last.padEnd(width - value.length) + value;
  else lines.push(value.padStart(width));
  return lines;
}

/**
 * A table row: the first cell left, the others right-aligned in equal columns at the right of
 * the paper (a cell as wide as its column is cut: headings only, amounts are given room); a
 * first cell too long for its room goes on a line of its own above the others.
 */
export function tableRow(cells: readonly string[], width: number, column: number): string[] {
  const [first = "", ...rest] = cells.map(plainText);
  const right = rest.map((c) => (c.length < column ? c : c.slice(0, column - 1)).padStart(column)).join("");
  const room = width - right.length;
  if (first.length <= room) return [first.padEnd(room) + right];
  return [...wrap(first.trim(), width), right.padStart(width)];
}

/** Each line wrapped to the printer's paper, its style kept on every piece. */
export function wrapLines(printer: PrintablePrinter, line: PaperLine, indent = ""): PaperLine[] {
  const width = columnsFor(printer, line);
  // A line that fits keeps its own spacing (a time set at the right edge).
  if (line.text.length <= width) return [line];
  return wrap(line.text, width, indent).map((text) => ({ ...line, text }));
}

function styled(encoder: ReceiptPrinterEncoder, line: PaperLine): ReceiptPrinterEncoder {
  return encoder
    .align(line.center ? "center" : "left")
    .bold(!!line.bold)
    .invert(!!line.invert)
    .size(line.big ? 2 : 1, line.big || line.tall ? 2 : 1)
    .line(line.text)
    .invert(false)
    .bold(false)
    .size(1, 1)
    .align("left");
}

/** The ESC/POS bytes of the document, cut at its end. */
export function encodePaper(printer: PrintablePrinter, items: readonly PaperItem[]): Uint8Array {
  let encoder = encoderFor(printer);
  for (const item of items) {
    if ("qr" in item) encoder = encoder.align("center").qrcode(item.qr, 2, 6, "m").align("left");
    else if ("rule" in item) encoder = encoder.rule();
    else encoder = styled(encoder, item);
  }
  return encoder.newline().newline().cut().encode();
}

/** The document as plain text: its lines as printed, a QR code as its payload in brackets. */
export function paperText(printer: PrintablePrinter, items: readonly PaperItem[]): string {
  return items
    .map((item) => ("qr" in item ? `[QR ${item.qr}]` : "rule" in item ? RULE.repeat(COLUMNS[printer.paperWidthMm]) : item.text))
    .join("\n");
}
