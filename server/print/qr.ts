import QRCode from "qrcode";

/** An inline SVG QR code (no image request, sharp at any print resolution). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
}
