// The portal's security headers (issue 16 #3, ASVS 3.4). Two parts:
//   SECURITY_HEADERS   the same on every response; next.config.ts sends them on every path
//                      (pages, app/api/*, the tRPC endpoint, print pages and PDFs, static files).
//   contentSecurityPolicy(nonce)   per request, from proxy.ts: Next.js reads the nonce out of the
//                      request's Content-Security-Policy header and puts it on its own scripts, so
//                      no script runs without it ('strict-dynamic' lets those scripts load chunks).
// Plain data, no Node imports: next.config.ts and proxy.ts both load this file.

export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // Old browsers' clickjacking guard; CSP frame-ancestors 'none' is the current one.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing in the portal uses these; a page that tried (an injected script, a framed page) gets a
  // refusal. Only features Chromium knows: an unknown one is a console error on every page.
  {
    key: "Permissions-Policy",
    value: [
      "camera=()",
      "microphone=()",
      "geolocation=()",
      "payment=()",
      "usb=()",
      "serial=()",
      "hid=()",
      "midi=()",
      "magnetometer=()",
      "gyroscope=()",
      "accelerometer=()",
      "display-capture=()",
      "browsing-topics=()",
    ].join(", "),
  },
];

/**
 * The Content-Security-Policy of one response. Scripts: only those carrying this request's nonce
 * (Next.js's own) and what they load; never 'unsafe-inline'. Styles allow 'unsafe-inline': React
 * `style={…}` attributes, Sonner's and ECharts' inline styles and the print pages' <style> blocks
 * cannot carry a nonce, and a nonce in style-src would switch 'unsafe-inline' off. In development
 * React needs 'unsafe-eval' for its error overlays; the production server never sends it.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64 (Web Crypto, so it works wherever proxy.ts runs). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
