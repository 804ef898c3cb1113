import type { QrDto } from "@ordered/contract";
import QRCode from "qrcode";

/** The join URL as a QR code: SVG for printing, PNG data URL for <img>. */
export async function renderQr(joinUrl: string): Promise<QrDto> {
  const options = { errorCorrectionLevel: "M", margin: 2 } as const;
  const [svg, pngDataUrl] = await Promise.all([
    QRCode.toString(joinUrl, { ...options, type: "svg" }),
    QRCode.toDataURL(joinUrl, { ...options, width: 512 }),
  ]);
  return { joinUrl, svg, pngDataUrl };
}
