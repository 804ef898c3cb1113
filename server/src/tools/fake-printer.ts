// A network thermal printer for tests: it listens on loopback like an Epson TM on port 9100,
// reads the ESC/POS byte stream back into what would come out on paper (lines, codes, cuts),
// answers real-time status queries, and can be switched into the failures a kitchen sees:
// a hung printer, a printer that is off, paper out, cover open.
//
// Command reference: Epson ESC/POS, https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/
import net from "node:net";
import CodepageEncoder, { type Codepage } from "@point-of-sale/codepage-encoder";

/**
 * ok: prints and answers. silent: accepts connections, swallows data, never answers (a hung
 * printer). refuse: not listening (printer off). paperOut / coverOpen: answers status with
 * the fault and drops what it is sent. stall: prints what it is sent, but once a job has come
 * in on a connection answers no more status requests on it (a printer that hangs mid-job: the
 * sender cannot tell whether the job is on paper).
 *
 * A real Epson keeps receiving while it is offline and prints its buffer once the fault is
 * cleared, unless it is switched off in between. The fake drops instead: a server must find
 * out from the status and send again, and a test then sees exactly what was re-sent rather
 * than a copy of it that a power cycle would have lost.
 */
export type FakePrinterMode = "ok" | "silent" | "refuse" | "paperOut" | "coverOpen" | "stall";

export type PrintedAlign = "left" | "center" | "right";

/** One printed line. Text is as on paper, including the padding spaces the encoder uses to align. */
export interface PrintedLine {
  kind: "line";
  text: string;
  /** True when any visible character of the line was bold (ESC E, ESC !). */
  bold: boolean;
  underline: boolean;
  /** White on black (GS B). */
  invert: boolean;
  /** Largest character width / height multiplier on the line (GS !, ESC !), 1 = normal. */
  width: number;
  height: number;
  /** Hardware alignment (ESC a) at the start of the line; the encoder itself aligns with spaces. */
  align: PrintedAlign;
}

export interface PrintedCode {
  kind: "qr" | "pdf417" | "barcode";
  /** The payload, decoded as Latin-1 (what the printer encodes, byte for byte). */
  data: string;
  /** GS k symbology number (65 = UPC-A … 73 = CODE128); only for barcodes. */
  symbology?: number;
}

export interface PrintedImage {
  kind: "image";
  widthDots: number;
  heightDots: number;
}

export type PrintedItem = PrintedLine | PrintedCode | PrintedImage;

/** What came out between two cuts (or before the connection closed without a cut). */
export interface PrintedDocument {
  /** Lines, codes and images in print order; blank feed lines at the top and bottom are left out. */
  items: PrintedItem[];
  lines: PrintedLine[];
  codes: PrintedCode[];
  /** "none" when the connection ended without a cut: a real printer still prints it. */
  cut: "full" | "partial" | "none";
  /** Cash-drawer pulses (ESC p) received while this document was printing. */
  pulses: number;
}

export interface FakePrinterOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

export interface FakePrinter {
  readonly host: string;
  readonly port: number;
  readonly mode: FakePrinterMode;
  /** Parsed documents in the order they were completed. */
  readonly documents: PrintedDocument[];
  /** Every byte received, in every mode, across all connections. */
  readonly raw: Buffer;
  /** Commands the parser did not know (as hex), so a test can insist on none. */
  readonly unknownCommands: string[];
  /** Resolves with the documents once at least `count` have been printed; rejects after the timeout. */
  waitForDocuments(count: number, timeoutMs?: number): Promise<PrintedDocument[]>;
  /** Switches behaviour; resolves once the listening socket matches the mode (closed for "refuse"). */
  setMode(mode: FakePrinterMode): Promise<void>;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";

const LF = 0x0a;
const HT = 0x09;
const DLE = 0x10;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;

// ESC t n → code page, as Epson numbers them (the same table the encoder's "epson" mapping
// uses, so what it picks is what we decode). Gaps are pages we cannot decode.
// https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/esc_lt.html
const EPSON_CODEPAGES: Record<number, Codepage> = {
  0: "cp437",
  1: "epson/katakana",
  2: "cp850",
  3: "cp860",
  4: "cp863",
  5: "cp865",
  11: "cp851",
  12: "cp853",
  13: "cp857",
  14: "cp737",
  15: "iso8859-7",
  16: "windows1252",
  17: "cp866",
  18: "cp852",
  19: "cp858",
  20: "thai42",
  21: "thai11",
  26: "thai13",
  30: "tcvn3",
  31: "tcvn3capitals",
  32: "cp720",
  33: "cp775",
  34: "cp855",
  35: "cp861",
  36: "cp862",
  37: "cp864",
  38: "cp869",
  39: "epson/iso8859-2",
  40: "iso8859-15",
  41: "cp1098",
  42: "cp774",
  43: "cp772",
  44: "cp1125",
  45: "windows1250",
  46: "windows1251",
  47: "windows1253",
  48: "windows1254",
  49: "windows1255",
  50: "windows1256",
  51: "windows1257",
  52: "windows1258",
  53: "rk1048",
};

const decodeTables = new Map<number, string[]>();

/** The upper half (0x80–0xFF) of an Epson code page as characters; U+FFFD where unknown. */
function upperHalf(page: number): string[] {
  let table = decodeTables.get(page);
  if (!table) {
    const name = EPSON_CODEPAGES[page];
    const points = name ? CodepageEncoder.getCodepoints(name, true) : [];
    table = Array.from({ length: 128 }, (_, i) => {
      const point = points[0x80 + i];
      return point === undefined ? "\uFFFD" : String.fromCodePoint(point);
    });
    decodeTables.set(page, table);
  }
  return table;
}

/**
 * The one status byte Epson printers send for DLE EOT n. Bits 1 and 4 are always 1, bits 0 and
 * 7 always 0, so a healthy printer answers 0x12 to every n.
 * https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_eot.html
 */
export function statusByte(n: number, mode: FakePrinterMode): number | undefined {
  const FIXED = 0x12;
  const paperOut = mode === "paperOut";
  const coverOpen = mode === "coverOpen";
  switch (n) {
    case 1: // printer status — bit 3: offline (a fault takes the printer offline)
      return FIXED | (paperOut || coverOpen ? 0x08 : 0);
    case 2: // offline cause — bit 2: cover open; bit 3: feed button; bit 5: stopped by paper end; bit 6: error
      return FIXED | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
    case 3: // error cause — bit 2: mechanical, 3: autocutter, 5: unrecoverable, 6: auto-recoverable. None here.
      return FIXED;
    case 4: // roll paper sensor — bits 2+3: near end; bits 5+6: paper end (an empty roll is also "near end")
      return FIXED | (paperOut ? 0x0c | 0x60 : 0);
    default:
      return undefined;
  }
}

// Fixed total lengths (prefix, command byte and parameters) of commands that only change state
// we do not model; knowing them keeps their parameter bytes from being printed as text.
const ESC_LENGTHS: Record<number, number> = {
  32: 3, // ESC SP right-side spacing
  36: 4, // ESC $ absolute position
  37: 3, // ESC % user-defined characters on/off
  50: 2, // ESC 2 default line spacing
  51: 3, // ESC 3 line spacing
  52: 3, // ESC 4 (the encoder's italic)
  61: 3, // ESC = peripheral device
  63: 3, // ESC ? cancel user-defined character
  71: 3, // ESC G double-strike
  76: 2, // ESC L page mode
  77: 3, // ESC M font
  82: 3, // ESC R international character set
  83: 2, // ESC S standard mode
  84: 3, // ESC T page mode direction
  85: 3, // ESC U unidirectional
  86: 3, // ESC V rotate 90°
  87: 10, // ESC W page mode area
  92: 4, // ESC \ relative position
  99: 4, // ESC c 3/4/5 n paper sensors and panel buttons
  101: 3, // ESC e reverse feed
  114: 3, // ESC r colour
  116: 3, // ESC t code page (handled, listed for completeness)
  117: 3, // ESC u peripheral status (legacy)
  118: 2, // ESC v paper sensor status (legacy)
  123: 3, // ESC { upside down
};

const GS_LENGTHS: Record<number, number> = {
  36: 4, // GS $ absolute vertical position (page mode)
  47: 3, // GS / print downloaded bit image
  58: 2, // GS : macro definition start/end
  69: 3, // GS E head energy
  72: 3, // GS H HRI position
  73: 3, // GS I transmit printer ID (not answered)
  76: 4, // GS L left margin
  80: 4, // GS P motion units
  84: 3, // GS T beginning of line
  87: 4, // GS W print area width
  92: 4, // GS \ relative vertical position
  94: 5, // GS ^ execute macro
  97: 3, // GS a automatic status back: ignored, clients here poll with DLE EOT
  98: 3, // GS b smoothing
  102: 3, // GS f HRI font
  104: 3, // GS h barcode height
  114: 3, // GS r transmit status (not answered)
  119: 3, // GS w barcode width
};

const FS_LENGTHS: Record<number, number> = {
  33: 3, // FS ! kanji print mode
  38: 2, // FS & kanji mode on
  45: 3, // FS - kanji underline
  46: 2, // FS . kanji mode off
  67: 3, // FS C kanji code system
  83: 4, // FS S kanji spacing
  87: 3, // FS W kanji quadruple size
  112: 4, // FS p print NV bit image
};

interface ParserHooks {
  /** False while the printer is faulted: whatever would be printed is dropped. */
  printing(): boolean;
  document(doc: PrintedDocument): void;
  /** The answer to DLE EOT n, if the printer gives one. */
  status(n: number): number | undefined;
  reply(bytes: Buffer): void;
  unknown(command: Buffer): void;
}

/** Printable bytes: everything from space up (the upper half is the code page's), and tab. */
function isText(byte: number): boolean {
  return byte >= 0x20 || byte === HT;
}

function isBlank(item: PrintedItem | undefined): boolean {
  return item?.kind === "line" && item.text.trim() === "";
}

/**
 * Reads one connection's ESC/POS stream. Bytes that end mid-command are kept until the rest
 * arrives, so TCP may split the stream anywhere.
 */
class EscPosParser {
  private pending = Buffer.alloc(0);
  /** Bytes of image data still to be skipped (raster data can be far larger than one chunk). */
  private skip = 0;

  // Print state, reset by ESC @.
  private page = 0;
  private bold = false;
  private underline = false;
  private invert = false;
  private width = 1;
  private height = 1;
  private align: PrintedAlign = "left";

  private line: PrintedLine | undefined;
  private items: PrintedItem[] = [];
  private pulses = 0;
  /**
   * A code or image was the last thing printed. The encoder ends each one with LF, which on
   * paper is the end of the graphic's own row, not a blank line of its own.
   */
  private afterGraphic = false;

  constructor(private readonly hooks: ParserHooks) {}

  feed(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    if (this.skip) {
      const skipped = Math.min(this.skip, buf.length);
      this.skip -= skipped;
      buf = buf.subarray(skipped);
    }
    let at = 0;
    while (at < buf.length) {
      const used = this.step(buf, at);
      if (used === 0) break; // an incomplete command: wait for the next chunk
      at += used;
      if (this.skip) {
        const skipped = Math.min(this.skip, buf.length - at);
        this.skip -= skipped;
        at += skipped;
      }
    }
    this.pending = Buffer.from(buf.subarray(at));
  }

  /** The connection ended: whatever was printed without a final cut is still a document. */
  end(): void {
    this.endLine(false);
    if (this.hasContent()) this.finish("none");
  }

  /** Handles one command or run of text at `at`; returns the bytes used, or 0 if more are needed. */
  private step(buf: Buffer, at: number): number {
    const byte = buf.readUInt8(at);
    if (isText(byte)) {
      let end = at;
      while (end < buf.length && isText(buf.readUInt8(end))) end++;
      this.text(buf.subarray(at, end));
      return end - at;
    }
    switch (byte) {
      case LF:
        this.endLine(true);
        return 1;
      case ESC:
        return this.esc(buf, at);
      case GS:
        return this.gs(buf, at);
      case FS:
        return this.fs(buf, at);
      case DLE:
        return this.dle(buf, at);
      default:
        // CR (the encoder sends LF CR), NUL, FF, CAN …: nothing to record in standard mode.
        return 1;
    }
  }

  private esc(buf: Buffer, at: number): number {
    if (buf.length - at < 2) return 0;
    const command = buf.readUInt8(at + 1);
    const arg = (offset: number) => buf.readUInt8(at + offset);
    const has = (length: number) => buf.length - at >= length;
    switch (command) {
      case 0x40: // ESC @ initialize
        this.reset();
        return 2;
      case 0x45: // ESC E bold
        if (!has(3)) return 0;
        this.bold = (arg(2) & 1) === 1;
        return 3;
      case 0x2d: // ESC - underline (0/48 off, 1/49 and 2/50 on)
        if (!has(3)) return 0;
        this.underline = (arg(2) & 3) !== 0;
        return 3;
      case 0x21: // ESC ! print mode: bit 3 bold, 4 double height, 5 double width, 7 underline
        if (!has(3)) return 0;
        this.bold = (arg(2) & 0x08) !== 0;
        this.height = arg(2) & 0x10 ? 2 : 1;
        this.width = arg(2) & 0x20 ? 2 : 1;
        this.underline = (arg(2) & 0x80) !== 0;
        return 3;
      case 0x61: // ESC a justification (0/48 left, 1/49 centre, 2/50 right)
        if (!has(3)) return 0;
        this.align = (["left", "center", "right"] as const)[arg(2) & 3] ?? "left";
        return 3;
      case 0x74: // ESC t code page
        if (!has(3)) return 0;
        this.page = arg(2);
        return 3;
      case 0x64: // ESC d n: print the buffer, then feed to n lines in all
        if (!has(3)) return 0;
        if (this.line || arg(2) > 0) this.endLine(true);
        for (let i = 1; i < arg(2); i++) this.endLine(true);
        return 3;
      case 0x4a: // ESC J n: print and feed n dots
        if (!has(3)) return 0;
        this.endLine(false);
        return 3;
      case 0x70: // ESC p m t1 t2: cash drawer pulse
        if (!has(5)) return 0;
        if (this.hooks.printing()) this.pulses++;
        return 5;
      case 0x69: // ESC i / ESC m: legacy partial cut
      case 0x6d:
        this.cut("partial");
        return 2;
      case 0x2a: {
        // ESC * m nL nH d…: one strip of a column-format image, 1 or 3 bytes per column
        if (!has(5)) return 0;
        const columns = arg(3) + arg(4) * 256;
        this.skip = arg(2) >= 32 ? columns * 3 : columns;
        return 5;
      }
      case 0x44: {
        // ESC D n1 … NUL: tab stops
        const nul = buf.indexOf(0, at + 2);
        return nul === -1 ? 0 : nul - at + 1;
      }
      default: {
        const length = ESC_LENGTHS[command];
        if (length === undefined) {
          this.hooks.unknown(buf.subarray(at, at + 2));
          return 2;
        }
        return has(length) ? length : 0;
      }
    }
  }

  private gs(buf: Buffer, at: number): number {
    if (buf.length - at < 2) return 0;
    const command = buf.readUInt8(at + 1);
    const arg = (offset: number) => buf.readUInt8(at + offset);
    const has = (length: number) => buf.length - at >= length;
    switch (command) {
      case 0x21: // GS ! size: high nibble width − 1, low nibble height − 1
        if (!has(3)) return 0;
        this.width = ((arg(2) >> 4) & 7) + 1;
        this.height = (arg(2) & 7) + 1;
        return 3;
      case 0x42: // GS B reverse (white on black)
        if (!has(3)) return 0;
        this.invert = (arg(2) & 1) === 1;
        return 3;
      case 0x56: {
        // GS V m [n]: cut. m 0/48, 1/49 take no n; 65/66, 97/98, 103/104 (feed first) take one.
        if (!has(3)) return 0;
        const m = arg(2);
        const length = [0, 1, 48, 49].includes(m) ? 3 : 4;
        if (!has(length)) return 0;
        this.cut([1, 49, 66, 98, 104].includes(m) ? "partial" : "full");
        return length;
      }
      case 0x6b: {
        // GS k m …: barcode. m 0–6: data ends with NUL; m 65–79: a length byte, then the data.
        if (!has(3)) return 0;
        const m = arg(2);
        if (m <= 6) {
          const nul = buf.indexOf(0, at + 3);
          if (nul === -1) return 0;
          this.graphic({ kind: "barcode", symbology: m + 65, data: buf.subarray(at + 3, nul).toString("latin1") });
          return nul - at + 1;
        }
        if (!has(4) || !has(4 + arg(3))) return 0;
        this.graphic({ kind: "barcode", symbology: m, data: buf.subarray(at + 4, at + 4 + arg(3)).toString("latin1") });
        return 4 + arg(3);
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d…: raster image, x bytes per row, y rows
        if (!has(8)) return 0;
        const bytesPerRow = arg(4) + arg(5) * 256;
        const rows = arg(6) + arg(7) * 256;
        this.graphic({ kind: "image", widthDots: bytesPerRow * 8, heightDots: rows });
        this.skip = bytesPerRow * rows;
        return 8;
      }
      case 0x28: {
        // GS ( X pL pH …: every GS ( function says its own length
        if (!has(5)) return 0;
        const length = 5 + arg(3) + arg(4) * 256;
        if (!has(length)) return 0;
        if (arg(2) === 0x6b) this.twoDimensional(buf.subarray(at + 5, at + length));
        return length;
      }
      case 0x38: {
        // GS 8 L p1–p4 …: graphics data with a four-byte length
        if (!has(7)) return 0;
        this.skip = buf.readUInt32LE(at + 3);
        return 7;
      }
      case 0x2a: // GS * x y d…: define a downloaded bit image, x·y·8 bytes
        if (!has(4)) return 0;
        this.skip = arg(2) * arg(3) * 8;
        return 4;
      default: {
        const length = GS_LENGTHS[command];
        if (length === undefined) {
          this.hooks.unknown(buf.subarray(at, at + 2));
          return 2;
        }
        return has(length) ? length : 0;
      }
    }
  }

  // A QR code or PDF417 is stored first (fn 80, "P") and printed later (fn 81, "Q").
  private stored: Partial<Record<"qr" | "pdf417", string>> = {};

  /** GS ( k body (cn fn params): cn 49 = QR code, cn 48 = PDF417. */
  private twoDimensional(body: Buffer): void {
    const kind = body[0] === 0x31 ? "qr" : body[0] === 0x30 ? "pdf417" : undefined;
    if (!kind) return;
    if (body[1] === 0x50) this.stored[kind] = body.subarray(3).toString("latin1");
    if (body[1] === 0x51) this.graphic({ kind, data: this.stored[kind] ?? "" });
  }

  private fs(buf: Buffer, at: number): number {
    if (buf.length - at < 2) return 0;
    const command = buf.readUInt8(at + 1);
    if (command === 0x28) {
      if (buf.length - at < 5) return 0;
      const length = 5 + buf.readUInt16LE(at + 3);
      return buf.length - at >= length ? length : 0;
    }
    const length = FS_LENGTHS[command];
    if (length === undefined) {
      this.hooks.unknown(buf.subarray(at, at + 2));
      return 2;
    }
    return buf.length - at >= length ? length : 0;
  }

  /** Real-time commands. Only DLE EOT is answered; DLE ENQ and DLE DC4 are consumed. */
  private dle(buf: Buffer, at: number): number {
    if (buf.length - at < 2) return 0;
    const command = buf.readUInt8(at + 1);
    if (command === 0x04) {
      if (buf.length - at < 3) return 0;
      const n = buf.readUInt8(at + 2);
      if (n === 7 || n === 8) return buf.length - at >= 4 ? 4 : 0; // DLE EOT 7/8 a: ink status, not answered
      const status = this.hooks.status(n);
      if (status !== undefined) this.hooks.reply(Buffer.of(status));
      return 3;
    }
    if (command === 0x05) return buf.length - at >= 3 ? 3 : 0;
    if (command === 0x14) {
      if (buf.length - at < 3) return 0;
      const length = ({ 1: 5, 2: 5, 7: 4, 8: 10 } as Record<number, number>)[buf.readUInt8(at + 2)] ?? 3;
      return buf.length - at >= length ? length : 0;
    }
    return 1; // a lone DLE is not a command
  }

  private reset(): void {
    this.page = 0;
    this.bold = false;
    this.underline = false;
    this.invert = false;
    this.width = 1;
    this.height = 1;
    this.align = "left";
  }

  private text(bytes: Buffer): void {
    if (!this.hooks.printing()) return;
    let text = "";
    for (const byte of bytes) text += byte < 0x80 ? (byte === HT ? "\t" : String.fromCharCode(byte)) : upperHalf(this.page)[byte - 0x80];
    this.line ??= this.emptyLine();
    this.line.text += text;
    // Padding spaces carry the state they were sent in, not the look of the line.
    if (text.trim() === "") return;
    this.line.bold ||= this.bold;
    this.line.underline ||= this.underline;
    this.line.invert ||= this.invert;
    this.line.width = Math.max(this.line.width, this.width);
    this.line.height = Math.max(this.line.height, this.height);
  }

  private emptyLine(): PrintedLine {
    return { kind: "line", text: "", bold: false, underline: false, invert: false, width: 1, height: 1, align: this.align };
  }

  /** Ends the current line; with `feed`, an empty buffer still prints a blank line. */
  private endLine(feed: boolean): void {
    if (!this.hooks.printing()) return;
    if (!this.line && this.afterGraphic && feed) {
      this.afterGraphic = false;
      return;
    }
    this.afterGraphic = false;
    const line = this.line ?? (feed ? this.emptyLine() : undefined);
    this.line = undefined;
    // Blank paper fed at the top of a ticket (e.g. the LF after the previous cut) is not content.
    if (line && (line.text.trim() !== "" || this.items.length > 0)) this.items.push(line);
  }

  /** Codes and images start on a fresh row, like on paper. */
  private graphic(item: PrintedCode | PrintedImage): void {
    if (!this.hooks.printing()) return;
    this.endLine(false);
    this.items.push(item);
    this.afterGraphic = true;
  }

  private cut(type: "full" | "partial"): void {
    // A cut with no paper does nothing; what was on the paper before the fault is already lost.
    if (!this.hooks.printing()) return;
    this.endLine(false); // Epson only cuts at the start of a line: the buffer is printed first
    this.finish(type);
  }

  private hasContent(): boolean {
    return this.items.some((item) => !isBlank(item)) || this.pulses > 0;
  }

  private finish(cut: PrintedDocument["cut"]): void {
    const items = this.items;
    // The feed to the cutter is not content either.
    while (isBlank(items.at(-1))) items.pop();
    this.hooks.document({
      items,
      lines: items.filter((item): item is PrintedLine => item.kind === "line"),
      codes: items.filter((item): item is PrintedCode => item.kind !== "line" && item.kind !== "image"),
      cut,
      pulses: this.pulses,
    });
    this.items = [];
    this.pulses = 0;
  }
}

/** Starts a fake printer on 127.0.0.1; `close()` it in teardown. */
export async function startFakePrinter(options: FakePrinterOptions = {}): Promise<FakePrinter> {
  let mode: FakePrinterMode = "ok";
  const documents: PrintedDocument[] = [];
  const received: Buffer[] = [];
  const unknownCommands: string[] = [];
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    // A job (anything but real-time requests, which start with DLE) came in on this connection.
    let gotJob = false;
    const parser = new EscPosParser({
      printing: () => mode === "ok" || mode === "stall",
      status: (n) => statusByte(n, mode),
      reply: (bytes) => {
        if (!(mode === "stall" && gotJob)) socket.write(bytes);
      },
      unknown: (command) => unknownCommands.push(command.toString("hex")),
      document: (doc) => {
        documents.push(doc);
        for (const wake of waiters) wake();
      },
    });
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      if (chunk[0] !== DLE) gotJob = true;
      // A hung printer: the socket stays open, nothing is printed and nothing is answered.
      if (mode !== "silent") parser.feed(chunk);
    });
    socket.on("close", () => {
      sockets.delete(socket);
      if (mode !== "silent") parser.end();
    });
    socket.on("error", () => {}); // clients hang up mid-write; that is theirs to notice, not ours
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, HOST, () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server.listening) server.close(() => resolve());
      else resolve();
    });

  await listen(options.port ?? 0);
  // Kept so that "refuse" → "ok" comes back on the same port, as a printer switched on again does.
  const port = (server.address() as net.AddressInfo).port;

  return {
    host: HOST,
    port,
    get mode() {
      return mode;
    },
    documents,
    get raw() {
      return Buffer.concat(received);
    },
    unknownCommands,
    waitForDocuments(count, timeoutMs = 2_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (documents.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(documents);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake printer: ${documents.length} of ${count} documents after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async setMode(next) {
      const previous = mode;
      mode = next;
      // Printer off: the port answers with RST (ECONNREFUSED) and open connections drop.
      if (next === "refuse" && previous !== "refuse") await stopListening();
      if (previous === "refuse" && next !== "refuse") await listen(port);
    },
    close: stopListening,
  };
}
