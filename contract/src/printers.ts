/** What a network printer can be set to (issue 34), without zod: the web app lists them. */

/** Code pages a printer may be set to ("auto": the encoder picks per text from the printer's table). */
export const PRINTER_CODEPAGES = ["auto", "cp437", "cp850", "cp858", "cp852", "cp1252", "iso8859-15"] as const;
export type PrinterCodepage = (typeof PRINTER_CODEPAGES)[number];

/** Paper widths a thermal printer takes, in mm (32 and 48 characters a line). */
export const PRINTER_PAPER_WIDTHS = [58, 80] as const;
export type PrinterPaperWidth = (typeof PRINTER_PAPER_WIDTHS)[number];
