import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";

// Issue 4 item 5: scans and photos only — PDF, JPEG, PNG, TIFF — recognised by their bytes, never
// by the name or the browser's claim (a renamed .exe or .txt must not get in as a "PDF").
export const ACCEPTED_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/tiff"] as const;
export type AcceptedMime = (typeof ACCEPTED_MIME_TYPES)[number];

/** How many leading bytes the detector is given: enough for every accepted format's signature. */
export const TYPE_SNIFF_BYTES = 64 * 1024;

/** The detected type when it is one we accept; otherwise null plus what it looked like. */
export async function detectAttachmentType(head: Uint8Array): Promise<{ mime: AcceptedMime; ext: string } | { mime: null; detected: string | null }> {
  const found = await fileTypeFromBuffer(head);
  if (found && (ACCEPTED_MIME_TYPES as readonly string[]).includes(found.mime)) return { mime: found.mime as AcceptedMime, ext: found.ext };
  return { mime: null, detected: found?.mime ?? null };
}

// The name's extension follows the content (issue 16 #8): an HTML/PDF polyglot uploaded as
// poly.html is stored and handed out as poly.pdf, so a download never saves an .html file that
// the browser would open as a page. The first extension of each list is the one given.
const EXTENSIONS: Record<AcceptedMime, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
  "image/png": ["png"],
  "image/tiff": ["tif", "tiff"],
};

/**
 * The file name with the extension of its detected type: kept when it already names that type
 * (扫描件.jpeg stays), replaced when it names another (poly.html → poly.pdf), added when there is
 * none (认购书 → 认购书.pdf; "合同 v1.2" has no letters after the dot, so it is not an extension).
 * A type we do not accept (none is stored) leaves the name as it is.
 */
export function nameForType(fileName: string, mime: string): string {
  const extensions = EXTENSIONS[mime as AcceptedMime];
  if (!extensions) return fileName;
  const m = /^(.*)\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  const ext = m?.[2]?.toLowerCase();
  if (ext && extensions.includes(ext) && m![1]!.trim()) return fileName;
  const base = (m && /[a-z]/i.test(m[2]!) ? m[1]! : fileName).replace(/[.\s]+$/, "") || "file";
  // 合同.pdf.html: the name already ends in the right extension once the wrong one is dropped.
  const inner = /\.([A-Za-z0-9]{1,10})$/.exec(base)?.[1]?.toLowerCase();
  if (inner && extensions.includes(inner)) return base;
  const wanted = extensions[0]!;
  return `${base.slice(0, 200 - wanted.length - 1)}.${wanted}`;
}

// Issue 16 #9: a 30000 × 30000 PNG is 109 KB on disk but 3.6 GB once a browser decodes it (4
// bytes a pixel), enough to take down the viewer's tab or machine. Images are measured from their
// header (never decoded) and refused above:
//   64 megapixels — an A4 scan at 600 dpi is 35 MP, a full-resolution 50-MP phone photo 8160 ×
//   6144 = 50.1 MP; decoded, 64 MP is 256 MB, still shown by a browser on an office PC;
//   20000 px a side — an A4 page at 1200 dpi is 14032 px long; longer strips are not scans, and
//   browsers refuse canvases much beyond this.
export const MAX_IMAGE_MEGAPIXELS = 64;
export const MAX_IMAGE_SIDE = 20_000;

/** Width and height from the image's header, without decoding it; null when the header cannot be read. */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    // A copy of exactly these bytes: image-size reads through a DataView of the view's whole
    // ArrayBuffer, so a short header handed as a slice of a larger buffer (Node's pooled stream
    // chunks) was measured from whatever bytes followed it — a cut-off PNG got a random height.
    const { width, height } = imageSize(new Uint8Array(bytes));
    return Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 ? { width, height } : null;
  } catch {
    return null;
  }
}

export function isImageTooLarge({ width, height }: { width: number; height: number }): boolean {
  return width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_MEGAPIXELS * 1_000_000;
}

export function isImage(mime: string): boolean {
  return mime.startsWith("image/");
}

/** Images and PDFs are shown in the browser; everything else (none today) only downloads. */
export function isPreviewable(mime: string): boolean {
  return mime === "application/pdf" || mime === "image/jpeg" || mime === "image/png";
}

/** Browsers cannot show TIFF inline; thumbnails are drawn for these only. */
export function hasThumbnail(mime: string): boolean {
  return mime === "image/jpeg" || mime === "image/png";
}

/**
 * Content-Disposition for a possibly Chinese file name (RFC 6266 with RFC 5987 `filename*`):
 * an ASCII fallback for old clients and the UTF-8 name for all others. Quotes, backslashes and
 * control characters never reach the header (no header injection through a file name).
 */
export function contentDisposition(fileName: string, disposition: "inline" | "attachment"): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f"\\]/g, "_").trim() || "file";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers an attachment is handed out with: the stored (detected) type, never a guess from
 * the name; the name with that type's extension; and nosniff, so no browser reads a PDF whose
 * bytes also parse as HTML as a page (issue 16 #8).
 */
export function attachmentHeaders(file: { fileName: string; mimeType: string; sizeBytes: number }, disposition: "inline" | "attachment"): Record<string, string> {
  return {
    "Content-Type": file.mimeType,
    "Content-Length": String(file.sizeBytes),
    "Content-Disposition": contentDisposition(nameForType(file.fileName, file.mimeType), disposition),
    "X-Content-Type-Options": "nosniff",
    // Permission is checked per request; nothing is kept by shared caches.
    "Cache-Control": "private, no-store",
  };
}

/** A name safe to store and show: no directories, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "file").slice(0, 200);
}
