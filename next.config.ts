import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

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
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
