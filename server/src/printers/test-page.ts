/**
 * The page a test print puts on paper: which printer this is, where, when, the width of its
 * paper in characters, the code page's accents (a wrong code page shows at once), a QR code and
 * the cut — what a venue checks when it sets a printer up.
 */
import type { PrinterDto } from "@ordered/contract";
import ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";

/** Characters a line on the paper in the printer's standard font (font A). */
export const COLUMNS: Readonly<Record<PrinterDto["paperWidthMm"], number>> = { 58: 32, 80: 48 };

/** An encoder for the printer: ESC/POS, its paper's columns, its code page. */
export function encoderFor(printer: Pick<PrinterDto, "paperWidthMm" | "codepage">): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({ language: "esc-pos", columns: COLUMNS[printer.paperWidthMm], codepageMapping: "epson" })
    .initialize()
    .codepage(printer.codepage as Parameters<ReceiptPrinterEncoder["codepage"]>[0]);
}

export function testPage(printer: PrinterDto, location: { name: string; timeZone: string }, now = new Date()): Uint8Array {
  const columns = COLUMNS[printer.paperWidthMm];
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: location.timeZone, dateStyle: "medium", timeStyle: "short" }).format(now);
  return encoderFor(printer)
    .align("center")
    .bold(true)
    .size(2, 2)
    .line("TEST PRINT")
    .size(1, 1)
    .bold(false)
    .line(printer.name)
    .line(location.name)
    .line(time)
    .newline()
    .align("left")
    .line(`${printer.host}:${printer.port} · ${printer.paperWidthMm} mm · ${printer.codepage}`)
    .line("1234567890".repeat(Math.ceil(columns / 10)).slice(0, columns))
    .line("ÄÖÜ äöü ß · àèéìòù · ñ ç · €")
    .newline()
    .align("center")
    .qrcode(`ordered:printer:${printer.id}`)
    .newline()
    .line("Ordered")
    .newline()
    .cut()
    .encode();
}
