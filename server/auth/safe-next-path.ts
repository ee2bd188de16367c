/**
 * The path to go to after sign-in: only a same-origin relative path, else "/". Browsers read
 * `//host`, `/\host` and tab/newline-split forms as another origin, so the value is resolved
 * against a placeholder origin and kept only when it stays there.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/")) return "/";
  // WHATWG URL parsing drops tabs/newlines and turns "\" into "/", as browsers do.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  const base = "http://portal.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  // An encoded "//" decodes to a protocol-relative path once some layer unescapes it.
  if (/^\/(\/|%2f|%5c)/i.test(url.pathname)) return "/";
  return url.pathname + url.search + url.hash;
}
