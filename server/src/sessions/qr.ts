import type { QrDto } from "@ordered/contract";
import QRCode from "qrcode";

/** The join URL as a QR code: SVG for printing, PNG data URL for <img>. */
const options = { errorCorrectionLevel: "M", margin: 2 } as const;

export async function renderQr(joinUrl: string): Promise<QrDto> {
  const [svg, pngDataUrl] = await Promise.all([
    QRCode.toString(joinUrl, { ...options, type: "svg" }),
    QRCode.toDataURL(joinUrl, { ...options, width: 512 }),
  ]);
  return { joinUrl, svg, pngDataUrl };
}

/** The URL as a QR code in SVG (scalable, for print). */
export function renderQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...options, type: "svg" });
}

/** The URL as a QR code in PNG, `width` pixels wide. */
export function renderQrPng(url: string, width = 1024): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...options, width });
}
