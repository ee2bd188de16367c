import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./server/http/security-headers";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its .wasm files next to its modules,
  // which bundling breaks; argon2 is a native addon. (The wasm schema engine is imported by
  // path at run time, see server/db/schema-engine.ts.)
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/driver-adapter-utils",
    "@node-rs/argon2",
    "pg",
  ],
  poweredByHeader: false,
  // X-Frame-Options, nosniff, Referrer-Policy, Permissions-Policy on every response (issue 16 #3);
  // the nonce CSP is per request, from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
