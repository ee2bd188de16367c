import crypto from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    kefuTestRunId: string;
  }
}

// Runs once per `vitest run --project integration`, before the test files.
// On a PostgreSQL server (DATABASE_URL set) every test file creates its own database named
// kefu_test_<run>_<random> (see helpers.ts); teardown drops whatever this run left behind.

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const runId = crypto.randomBytes(3).toString("hex");
  project.provide("kefuTestRunId", runId);
  if (!url) {
    console.log("[integration] database: PGlite (in memory, one per test file)");
    return;
  }
  const host = new URL(url).hostname;
  // The tests create and drop databases: never against a server that is not this machine's.
  if (!LOCAL_HOSTS.has(host) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`integration tests refuse DATABASE_URL on ${host}: use a local server (scripts/pg-test-server.sh) or set ALLOW_REMOTE_TEST_DB=1`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  console.log(`[integration] database: PostgreSQL ${rows[0]?.server_version} at ${host} (one database per test file, run ${runId})`);

  return async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    await c.connect();
    try {
      const left = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`kefu_test_${runId}_%`]);
      for (const { datname } of left.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
}
