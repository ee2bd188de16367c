/**
 * The client's address for the sign-in throttle, sessions and the audit log. The portal's server
 * (scripts/serve.ts, server/http/forwarded-headers.ts) replaces X-Forwarded-For with the one
 * address it chose from the socket and TRUSTED_PROXIES, so the header holds a single entry that
 * no client wrote. (Under `next dev`, Next fills it from the socket when a request has none.)
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? "unknown").replace(/^::ffff:/, "");
}
