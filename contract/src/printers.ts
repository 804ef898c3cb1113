/** What a network printer can be set to (issue 34), without zod: the web app lists them. */

/** Code pages a printer may be set to ("auto": the encoder picks per text from the printer's table). */
export const PRINTER_CODEPAGES = ["auto", "cp437", "cp850", "cp858", "cp852", "cp1252", "iso8859-15"] as const;
export type PrinterCodepage = (typeof PRINTER_CODEPAGES)[number];

/** Paper widths a thermal printer takes, in mm (32 and 48 characters a line). */
export const PRINTER_PAPER_WIDTHS = [58, 80] as const;
export type PrinterPaperWidth = (typeof PRINTER_PAPER_WIDTHS)[number];

/** How the servers reach a printer: DIRECT (they dial it) or BRIDGE (a print bridge in the venue does). */
export const PRINTER_VIAS = ["DIRECT", "BRIDGE"] as const;
export type PrinterVia = (typeof PRINTER_VIAS)[number];

/** What a print job puts on paper (issue 34): a kitchen ticket, a voided line's slip, a bill, a receipt. */
export const PRINT_JOB_KINDS = ["TICKET", "VOID", "BILL", "RECEIPT"] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

/**
 *   QUEUED → PRINTING → PRINTED
 *   PRINTING → QUEUED      (the printer failed: retried there, or moved to the station's backup)
 *   QUEUED | PRINTING → CANCELLED   (its printer was removed)
 */
export const PRINT_JOB_STATUSES = ["QUEUED", "PRINTING", "PRINTED", "CANCELLED"] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

/**
 * The languages a location's kitchen tickets are printed in (`location.kitchen_language`): the
 * kitchen's, never the guest's. The same five the phone pages speak.
 */
export const KITCHEN_LANGUAGES = ["en", "de", "fr", "es", "it"] as const;
export type KitchenLanguage = (typeof KITCHEN_LANGUAGES)[number];

/** What a ticket's QR code reads: a scanner at the kitchen display bumps that ticket. */
export const BUMP_SCAN_PREFIX = "ordered:bump:";
export const bumpScanCode = (ticketId: string): string => `${BUMP_SCAN_PREFIX}${ticketId}`;
