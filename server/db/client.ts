import fs from "node:fs";
import path from "node:path";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";
import { applyMigrations } from "./schema-engine";
import { cancellablePool } from "./abort-signal";

// No DATABASE_URL → embedded PostgreSQL (PGlite) under ./data, so a first run needs no server.
// DATABASE_URL=postgres://… → a real PostgreSQL server. Same schema, same migrations.

export type Db = PrismaClient;

export function databaseKind(): "pglite" | "postgres" {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

export function pgliteDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), "data", "pglite");
}

type Opened = { factory: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> };
const closers = new WeakMap<Db, () => Promise<void>>();

const envInt = (name: string, fallback: number, min: number, max: number): number => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, not ${raw}`);
  return n;
};

/**
 * The portal's connection pool on a PostgreSQL server (pg's PoolConfig). Its bounds keep one slow
 * page from starving the others:
 * - statement_timeout: PostgreSQL cancels any statement running longer (57014, shown as
 *   errors.QUERY_TIMEOUT). An abandoned tRPC request is cancelled at once (abort-signal.ts), but
 *   Next.js gives server components no signal when the browser goes away, so this is what stops
 *   an abandoned page's query. A long job opts out with
 *   `SET LOCAL statement_timeout` inside its transaction (withoutStatementTimeout below).
 * - max + connectionTimeoutMillis: a burst waits for one of `max` connections, at most this long
 *   (then errors.DB_BUSY), instead of opening connections without bound or hanging.
 * - idle_in_transaction_session_timeout: a transaction left open by a crashed request frees its locks.
 * - jit off: the pages' statements are short lookups whose cost estimates (a big table, a subquery
 *   over many rows) still pass jit_above_cost; compiling them took 100–130 ms of a 1 s query on
 *   the 1M-record bench (借阅审批's search), time no run of a few milliseconds wins back.
 */
export function pgPoolConfig(connectionString: string) {
  return {
    connectionString,
    max: envInt("DATABASE_POOL_SIZE", 10, 1, 500),
    connectionTimeoutMillis: envInt("DATABASE_CONNECT_TIMEOUT_MS", 10_000, 100, 600_000),
    statement_timeout: envInt("DATABASE_STATEMENT_TIMEOUT_MS", 15_000, 0, 86_400_000),
    idle_in_transaction_session_timeout: envInt("DATABASE_IDLE_TX_TIMEOUT_MS", 60_000, 0, 86_400_000),
    idleTimeoutMillis: 30_000,
    application_name: "kefu-portal",
    options: "-c jit=off",
  };
}

async function createAdapterFactory(): Promise<Opened & { migrations: SqlMigrationAwareDriverAdapterFactory; afterMigrations: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const config = pgPoolConfig(url);
    // The portal's pool cancels an aborted request's statement (abort-signal.ts).
    const factory = runScriptsWhole(new PrismaPg(cancellablePool(config), { disposeExternalPool: true }));
    // Migrations (an index over a million rows) may rightly run for minutes: no statement timeout.
    const migrations = connectionsClosedAfter(runScriptsWhole(new PrismaPg({ ...config, max: 2, statement_timeout: 0 })));
    return { factory, migrations: migrations.factory, afterMigrations: migrations.close, close: async () => {} };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dataDir = pgliteDataDir();
  // PGlite does not create its data directory's parents; "memory://" keeps a throw-away database.
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create({ dataDir });
  const close = async () => {
    if (!pglite.closed) await pglite.close();
  };
  if (!dataDir.startsWith("memory://")) {
    // Close cleanly on shutdown: an unclean stop costs a recovery at the next start.
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void close().finally(() => process.exit(0)));
  }
  const factory = new PrismaPGlite(pglite);
  return { factory, migrations: factory, afterMigrations: async () => {}, close };
}

// @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";", which cuts the
// audit-log trigger functions ($$ … ; … $$) apart: migrations failed on a PostgreSQL server with
// "unterminated dollar-quoted string". pg's simple-query protocol runs the script whole, as
// PostgreSQL itself parses it (what `prisma migrate deploy` does).
function runScriptsWhole(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  type PgAdapter = SqlDriverAdapter & { underlyingDriver(): { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const pg = adapter as PgAdapter;
    adapter.executeScript = async (script) => {
      try {
        await pg.underlyingDriver().query(script);
      } catch (e) {
        pg.onError(e);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await connectToShadowDb());
  return factory;
}

/**
 * The schema engine takes a session-level advisory lock and never releases it (the Prisma CLI
 * exits instead): its connection, left open in the pool, held the lock until pg's idle timeout, and
 * a second server or script starting meanwhile failed with P1002 ("Timed out trying to acquire a
 * postgres advisory lock"). Closing the migration connections releases it at once.
 */
function connectionsClosedAfter(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  return { factory, close: async () => void (await Promise.all(opened.splice(0).map((a) => a.dispose().catch(() => {})))) };
}

/** Opens the database, applies committed migrations, and returns a Prisma client. */
export async function openDatabase(): Promise<Db> {
  const { factory, migrations, afterMigrations, close } = await createAdapterFactory();
  try {
    await applyMigrations(migrations);
  } finally {
    await afterMigrations();
  }
  const client = new PrismaClient({ adapter: factory });
  closers.set(client, close);
  return client;
}

/**
 * Disconnects and, for PGlite, closes the embedded database (with a checkpoint) so that a script
 * can exit and another process may open the data directory. The PGlite adapter's own dispose does
 * not close it.
 */
export async function closeDatabase(client: Db): Promise<void> {
  await client.$disconnect();
  await closers.get(client)?.();
}

const globalForDb = globalThis as unknown as { kefuDb?: Promise<Db> };

/** The process-wide client; PGlite allows one process per data directory, so it is opened once. */
export function db(): Promise<Db> {
  globalForDb.kefuDb ??= openDatabase().catch((err: unknown) => {
    globalForDb.kefuDb = undefined;
    throw err;
  });
  return globalForDb.kefuDb;
}

/**
 * Runs `work` in one transaction free of the pool's statement timeout, for the jobs that are long
 * by nature (a full export, a backup, a bulk recount): `SET LOCAL` lasts until the transaction ends,
 * so the connection goes back to the pool with the timeout in force again. On PGlite (no timeout
 * set) it is an ordinary transaction.
 */
export async function withoutStatementTimeout<T>(client: Db, work: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => Promise<T>, timeoutMs = 30 * 60_000): Promise<T> {
  return client.$transaction(
    async (tx) => {
      if (databaseKind() === "postgres") await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      return work(tx);
    },
    { timeout: timeoutMs, maxWait: 30_000 },
  );
}
