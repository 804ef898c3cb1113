// The fake printer is only worth having if it reads what the real encoder writes and answers
// like an Epson does, so these tests feed it the encoder's bytes over real TCP sockets.
import net from "node:net";
import ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";
import { describe, expect, it } from "vitest";
import { type FakePrinter, type FakePrinterMode, startFakePrinter } from "../../src/tools/fake-printer.js";

const QR = "https://ordered.test/r/7f3a";

function ticket(columns: 48 | 32, table = "Tisch 4"): Uint8Array {
  return new ReceiptPrinterEncoder({ language: "esc-pos", columns, codepageMapping: "epson" })
    .initialize()
    .codepage("auto")
    .align("center")
    .bold(true)
    .size(2, 2)
    .line(table)
    .size(1, 1)
    .bold(false)
    .align("left")
    .line("2× Spätzle")
    .line("1× Caffè")
    .line("Größe: groß, Würze: più")
    .qrcode(QR)
    .cut()
    .encode();
}

/** A bar receipt that uses the rest: fixed code pages, barcodes, a raster logo, the drawer. */
function barReceipt(): Uint8Array {
  const logo = { width: 16, height: 8, data: new Uint8ClampedArray(16 * 8 * 4) };
  return new ReceiptPrinterEncoder({ language: "esc-pos", columns: 48, codepageMapping: "epson", imageMode: "raster" })
    .initialize()
    .image(logo as never, 16, 8)
    .codepage("auto")
    .line("Summe: 12,50 €")
    .codepage("windows1252")
    .line("Crème brûlée, Würstl")
    .codepage("cp858")
    .line("Spätzle € è")
    .barcode("4006381333931", "ean13", 60)
    .barcode("ABC-123", "code128")
    .pulse()
    .cut("partial")
    .encode();
}

/**
 * Connects, sends `chunks` one write at a time, and ends the connection. Resolves on "close":
 * the printer only hangs up after reading everything, so by then it has handled every byte.
 */
async function send(printer: FakePrinter, chunks: Uint8Array[]): Promise<void> {
  const socket = await connect(printer);
  for (const chunk of chunks) {
    await new Promise<void>((resolve, reject) => socket.write(chunk, (error) => (error ? reject(error) : resolve())));
  }
  await new Promise<void>((resolve) => socket.end().once("close", () => resolve()));
}

function connect(printer: FakePrinter): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(printer.port, printer.host, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Sends DLE EOT n and resolves with the answer byte, or undefined if none came within the timeout. */
async function queryStatus(socket: net.Socket, n: number, timeoutMs = 500): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off("data", onData);
      resolve(undefined);
    }, timeoutMs);
    const onData = (data: Buffer) => {
      clearTimeout(timer);
      socket.off("data", onData);
      resolve(data.readUInt8(0));
    };
    socket.on("data", onData);
    socket.write(Buffer.of(0x10, 0x04, n));
  });
}

async function withPrinter(test: (printer: FakePrinter) => Promise<void>): Promise<void> {
  const printer = await startFakePrinter();
  try {
    await test(printer);
  } finally {
    await printer.close();
  }
}

describe("fake printer: reading ESC/POS", () => {
  for (const columns of [48, 32] as const) {
    it(`reads a ${columns}-column ticket back: text with accents, bold double-size header, QR code, one cut`, () =>
      withPrinter(async (printer) => {
        await send(printer, [ticket(columns)]);
        const [doc] = await printer.waitForDocuments(1);

        expect(printer.documents).toHaveLength(1);
        expect(doc?.cut).toBe("full");
        expect(doc?.lines.map((line) => line.text.trim())).toEqual(["Tisch 4", "2× Spätzle", "1× Caffè", "Größe: groß, Würze: più"]);
        // The encoder centres with spaces; double width halves the columns they are counted in.
        expect(doc?.lines[0]?.text).toBe(`${" ".repeat((columns - 2 * "Tisch 4".length) / 2)}Tisch 4`);
        expect(doc?.lines[0]).toMatchObject({ bold: true, width: 2, height: 2 });
        for (const line of doc?.lines.slice(1) ?? []) expect(line).toMatchObject({ bold: false, width: 1, height: 1 });
        expect(doc?.codes).toEqual([{ kind: "qr", data: QR }]);
        expect(doc?.items.map((item) => item.kind)).toEqual(["line", "line", "line", "line", "qr"]);
        expect(printer.unknownCommands).toEqual([]);
      }));
  }

  it("reads fixed code pages (WPC1252, PC858), the euro sign, barcodes, a raster image and a drawer pulse", () =>
    withPrinter(async (printer) => {
      await send(printer, [barReceipt()]);
      const [doc] = await printer.waitForDocuments(1);

      expect(doc?.items).toEqual([
        { kind: "image", widthDots: 16, heightDots: 8 },
        expect.objectContaining({ kind: "line", text: "Summe: 12,50 €" }),
        expect.objectContaining({ kind: "line", text: "Crème brûlée, Würstl" }),
        expect.objectContaining({ kind: "line", text: "Spätzle € è" }),
        { kind: "barcode", symbology: 67, data: "4006381333931" }, // EAN-13
        { kind: "barcode", symbology: 73, data: "{BABC-123" }, // CODE128, data as sent: "{B" selects code set B
      ]);
      expect(doc).toMatchObject({ cut: "partial", pulses: 1 });
      expect(printer.unknownCommands).toEqual([]);
    }));

  it("reads two tickets on one connection as two documents, in order", () =>
    withPrinter(async (printer) => {
      await send(printer, [ticket(48, "Tisch 4"), ticket(48, "Tisch 9")]);
      const docs = await printer.waitForDocuments(2);

      expect(docs.map((doc) => doc.lines[0]?.text.trim())).toEqual(["Tisch 4", "Tisch 9"]);
      expect(docs.map((doc) => doc.lines.length)).toEqual([4, 4]);
    }));

  it("reads the same ticket when every byte arrives in its own TCP write", () =>
    withPrinter(async (printer) => {
      const whole = await startFakePrinter();
      try {
        const bytes = Buffer.concat([ticket(48), barReceipt()]);
        await send(whole, [bytes]);
        await send(
          printer,
          Array.from(bytes, (byte) => Uint8Array.of(byte)),
        );
        const expected = await whole.waitForDocuments(2);
        const actual = await printer.waitForDocuments(2);
        expect(actual).toEqual(expected);
        expect(printer.raw).toEqual(Buffer.from(bytes));
      } finally {
        await whole.close();
      }
    }));
});

describe("fake printer: status (DLE EOT n)", () => {
  // Epson's answer bytes per mode for n = 1, 2, 3, 4. Bits 1 and 4 are always set (0x12).
  const expected: Record<"ok" | "paperOut" | "coverOpen", [number, number, number, number]> = {
    ok: [0x12, 0x12, 0x12, 0x12],
    paperOut: [0x1a, 0x32, 0x12, 0x7e], // offline; stopped by paper end; near end + end
    coverOpen: [0x1a, 0x16, 0x12, 0x12], // offline; cover open
  };

  for (const [mode, bytes] of Object.entries(expected) as [FakePrinterMode, number[]][]) {
    it(`answers DLE EOT 1–4 in "${mode}" mode`, () =>
      withPrinter(async (printer) => {
        await printer.setMode(mode);
        const socket = await connect(printer);
        try {
          const answers: (number | undefined)[] = [];
          for (const n of [1, 2, 3, 4]) answers.push(await queryStatus(socket, n));
          expect(answers).toEqual(bytes);
        } finally {
          socket.destroy();
        }
      }));
  }

  it("prints nothing while the paper is out, and prints again once it is back", () =>
    withPrinter(async (printer) => {
      await printer.setMode("paperOut");
      await send(printer, [ticket(48, "Tisch 1")]);
      await printer.setMode("ok");
      await send(printer, [ticket(48, "Tisch 2")]);
      const docs = await printer.waitForDocuments(1);
      expect(docs.map((doc) => doc.lines[0]?.text.trim())).toEqual(["Tisch 2"]);
    }));

  it('"silent" accepts the connection but never answers and prints nothing', () =>
    withPrinter(async (printer) => {
      await printer.setMode("silent");
      const socket = await connect(printer);
      try {
        socket.write(ticket(48));
        expect(await queryStatus(socket, 1, 300)).toBeUndefined();
        expect(printer.documents).toEqual([]);
      } finally {
        socket.destroy();
      }
    }));

  it('"refuse" turns connections away like a switched-off printer, and "ok" takes them again', () =>
    withPrinter(async (printer) => {
      await printer.setMode("refuse");
      await expect(connect(printer)).rejects.toMatchObject({ code: "ECONNREFUSED" });

      await printer.setMode("ok");
      const socket = await connect(printer);
      try {
        expect(await queryStatus(socket, 4)).toBe(0x12);
      } finally {
        socket.destroy();
      }
    }));
});
