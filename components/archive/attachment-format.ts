// Shared by the panel's server and client parts: sizes as users read them, short checksums.

/** 812 B, 12.3 KB, 4.56 MB — KB below one MB, MB above. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** The first and last 8 hex digits: enough to compare by eye, the full value is one click away. */
export function shortSha(sha256: string): string {
  return sha256.length > 20 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}

export function attachmentUrl(id: string, mode: "view" | "download"): string {
  return `/api/archive/attachments/${id}${mode === "download" ? "?download=1" : ""}`;
}
