/**
 * The client's address as the nearest proxy saw it: the last x-forwarded-for entry (Next's own
 * server appends the socket address), so a forged header cannot dodge the per-address throttle.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? headers.get("x-real-ip") ?? "unknown").replace(/^::ffff:/, "");
}
