import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

// Which address is the client's (issue 16 #1). The socket's peer, unless that peer is one of the
// TRUSTED_PROXIES: then the right-most X-Forwarded-For entry that is not itself a trusted proxy
// (proxy-addr walks the chain from the socket back). Anything a client writes into the header is
// ignored unless a trusted proxy stands in front of it. Used by the portal's server (server.ts),
// which hands Next.js only the address chosen here.

export type Trust = (addr: string, hop: number) => boolean;

const trustNobody: Trust = () => false;

/**
 * TRUSTED_PROXIES: comma-separated IP addresses or CIDR ranges (`10.0.0.5, 10.1.0.0/16, ::1`).
 * Empty or unset: no proxy is trusted and the socket address is the client. A bad entry stops
 * the server at start, never silently trusts less or more than written.
 */
export function parseTrustedProxies(value: string | undefined): Trust {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return trustNobody;
  for (const e of entries) {
    // proxy-addr also takes names ("loopback") and netmasks; only addresses and CIDRs are documented.
    const [addr, bits, extra] = e.split("/");
    const family = isIP(addr ?? "");
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits)))
      throw new Error(`TRUSTED_PROXIES: "${e}" is not an IP address or CIDR range`);
  }
  return proxyaddr.compile(entries);
}

/** "::ffff:10.0.0.7" → "10.0.0.7": the same client however the socket was opened. */
export function normaliseAddress(addr: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(addr);
  return m ? m[1]! : addr;
}

/**
 * The client's address, from the socket's peer address, the request's X-Forwarded-For header
 * (as received) and the trusted proxies. An entry that is not an IP address (a garbled header
 * from a trusted proxy) is not believed: the proxy that passed it on is taken as the client.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: Trust): string {
  if (!socketAddress) return "unknown";
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const req = { headers: { "x-forwarded-for": header }, socket: { remoteAddress: socketAddress } };
  // [socket, then each trusted hop's informant …, the first untrusted address]
  const chain = proxyaddr.all(req as unknown as Parameters<typeof proxyaddr.all>[0], trust);
  let i = chain.length - 1;
  while (i > 0 && !isIP(chain[i]!)) i--;
  return normaliseAddress(chain[i]!);
}
