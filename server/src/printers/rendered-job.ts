/**
 * What a renderer of print jobs is given and gives back. Apart from render-job.ts, which picks
 * the renderer, so that renderers do not import their dispatcher (an import cycle).
 */
import type { PrinterDto } from "@ordered/contract";

/** What rendering needs of the printer: its paper and code page. */
export type PrintablePrinter = Pick<PrinterDto, "paperWidthMm" | "codepage">;

/** The ESC/POS bytes to send, and the same document as plain text lines (kept on the job). */
export interface RenderedJob {
  bytes: Uint8Array;
  text: string;
}
