// The portal's server: what `next start` did, plus the client address (issue 16 #1).
//   node --import tsx scripts/serve.ts [-p PORT] [-H HOSTNAME] [--keepAliveTimeout MS]   (npm start)
// Same flags and defaults as `next start` (PORT from -p, else $PORT, else 3000; every interface
// unless -H). Needs a production build (`npx next build`). Before Next.js sees a request, its
// X-Forwarded-For is replaced by the client address taken from the socket, or, when the peer is
// one of TRUSTED_PROXIES, from the header (server/http/client-address.ts): Next's own server
// passes a client's X-Forwarded-For through, and route handlers cannot see the socket.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseTrustedProxies } from "../server/http/client-address";
import { withClientAddress } from "../server/http/forwarded-headers";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    keepAliveTimeout: { type: "string" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? process.env.PORT}`);
const hostname = values.hostname;
let trust: ReturnType<typeof parseTrustedProxies>;
try {
  trust = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (e) {
  console.error(`[serve] ${(e as Error).message}`);
  process.exit(1);
}

// As `next start`: a production server whatever NODE_ENV was, set before React and Next load.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let handle: ReturnType<ReturnType<typeof next>["getRequestHandler"]> | undefined;
const server = http.createServer(withClientAddress(trust, (req, res) => void handle!(req, res)));
if (values.keepAliveTimeout) server.keepAliveTimeout = Number(values.keepAliveTimeout);

const app = next({ dev: false, dir, hostname, port, httpServer: server });
await app.prepare();
handle = app.getRequestHandler();
server.listen(port, hostname, () => {
  const shown = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
  const proxies = process.env.TRUSTED_PROXIES?.trim() ? `trusted proxies: ${process.env.TRUSTED_PROXIES}` : "no trusted proxies: the client address is the socket's";
  console.log(`▲ kefu-portal ready on http://${shown}:${port} (${proxies})`);
});
