import { fileTypeFromBuffer } from "file-type";

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

/** A name safe to store and show: no directories, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "file").slice(0, 200);
}
