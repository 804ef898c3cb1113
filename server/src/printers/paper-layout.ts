/**
 * Lines of a receipt printer's paper: words wrapped to its columns (32 on 58 mm, 48 on 80 mm),
 * amounts right-aligned. Laid out here rather than by the encoder's table helper so that the
 * text kept on the job (print_job.content) is exactly the paper, line for line.
 */
import type ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";

/** One line on paper: at most the paper's columns wide. */
export interface PaperLine {
  text: string;
  bold?: boolean;
  /** Double height (its width stays one column a character). */
  tall?: boolean;
}

/**
 * Text a thermal printer's code pages can show: the locales' no-break spaces as spaces, and
 * the few typographic marks none of them has as their plain forms.
 */
export function paperText(s: string): string {
  return s
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/×/g, "x")
    .replace(/[–—]/g, "-")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"');
}

/** `text` in lines of at most `width` characters, broken between words (a longer word is cut). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of paperText(text).split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** `text` centred on the paper: padded here (not by the printer), so the text kept is the paper's. */
export function centre(text: string, width: number): string[] {
  return wrap(text, width).map((l) => " ".repeat(Math.floor((width - l.length) / 2)) + l);
}

/** A label and its amount: the amount right-aligned on the label's last line, or under it when that is full. */
export function amountRow(label: string, amount: string, width: number, indent = 0): string[] {
  const pad = " ".repeat(indent);
  const lines = wrap(label, width - indent).map((l) => pad + l);
  const value = paperText(amount);
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
  const [first = "", ...rest] = cells.map(paperText);
  const right = rest.map((c) => (c.length < column ? c : c.slice(0, column - 1)).padStart(column)).join("");
  const room = width - right.length;
  if (first.length <= room) return [first.padEnd(room) + right];
  return [...wrap(first, width), right.padStart(width)];
}

/** The lines onto the paper, then a feed and the cut. */
export function encodeLines(encoder: ReceiptPrinterEncoder, lines: readonly PaperLine[]): Uint8Array {
  let e = encoder;
  for (const line of lines) {
    e = e
      .bold(Boolean(line.bold))
      .size(1, line.tall ? 2 : 1)
      .line(line.text);
  }
  return e.bold(false).size(1, 1).newline().newline().cut().encode();
}
