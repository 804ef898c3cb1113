import jsQRModule from "jsqr";
import { PNG } from "pngjs";

// jsqr is CommonJS with `exports.default`; under NodeNext the default import is the module object.
type Decode = typeof jsQRModule.default;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

/** Decodes the QR code in a PNG data URL, as a phone camera would. */
export function decodeQrDataUrl(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Decodes the QR code in a PNG image's bytes. */
export function decodeQrPng(bytes: Buffer): string | null {
  return decodeQrDataUrl(`data:image/png;base64,${bytes.toString("base64")}`);
}
