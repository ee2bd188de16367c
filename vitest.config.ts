import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects:
//   unit         server/**/*.test.ts beside the code; pure, no database, runs in seconds.
//   integration  tests/integration/**: services and procedures through createCaller on a real
//                database: PGlite (in memory, one per test file) when DATABASE_URL is unset, or a
//                fresh database per test file on the PostgreSQL server DATABASE_URL points at.
// `npm run test:unit`, `npm run test:integration`; scripts/test-all.sh runs both (integration twice).
const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // "server-only" throws outside a React server bundle; tests import server code directly.
    alias: [
      { find: /^server-only$/, replacement: r("./tests/server-only-stub.ts") },
      { find: /^@\//, replacement: r("./") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
          // A ceiling, not a budget: argon2 hashing on a busy 2-core machine may take seconds.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // A new PGlite database takes ~5 s to create and migrate; argon2 hashing adds up.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Forks keep PGlite's wasm heap and the pg pool of one file away from the others.
          pool: "forks",
          maxWorkers: process.env.DATABASE_URL ? 3 : 2,
          globalSetup: ["tests/integration/global-setup.ts"],
        },
      },
    ],
  },
});
