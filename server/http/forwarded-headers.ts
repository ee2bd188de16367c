import type { IncomingMessage, RequestListener } from "node:http";
import { clientAddress, normaliseAddress, type Trust } from "./client-address";

// What the portal's server (scripts/serve.ts) does to every request before Next.js sees it:
// X-Forwarded-For becomes the one client address chosen by client-address.ts, which is what
// server/auth/client-ip.ts reads (the sign-in throttle, sessions, the audit log). Next.js fills
// X-Forwarded-For from the socket only when the header is missing, and route handlers cannot see
// the socket, so without this a client could write any address it liked.

/** Headers only a proxy may set: dropped when the peer is not a trusted proxy. */
const PROXY_ONLY = ["x-real-ip", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/** Rewrites the request's forwarding headers in place; returns the client address. */
export function applyClientAddress(req: IncomingMessage, trust: Trust): string {
  const peer = req.socket.remoteAddress;
  const client = clientAddress(peer, req.headers["x-forwarded-for"], trust);
  const peerTrusted = !!peer && trust(normaliseAddress(peer), 0);
  for (const name of peerTrusted ? (["x-real-ip"] as const) : PROXY_ONLY) delete req.headers[name];
  req.headers["x-forwarded-for"] = client;
  return client;
}

/** The portal server's request listener: the client address first, then the app (Next.js). */
export function withClientAddress(trust: Trust, handler: RequestListener): RequestListener {
  return (req, res) => {
    applyClientAddress(req, trust);
    handler(req, res);
  };
}
