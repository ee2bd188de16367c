import fs from "node:fs";
import path from "node:path";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";
import { applyMigrations, readMigrationList } from "./schema-engine";
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

/**
 * The role the portal's own connections run as (issue 16 #11; migration `audit_runtime_role`):
 * SELECT/INSERT/UPDATE/DELETE on the data tables, only SELECT and INSERT on "AuditLog", only
 * SELECT on "AuditChainHead" (the chain trigger moves the head as its owner), owner of nothing —
 * so it can neither edit the audit log nor ALTER TABLE … DISABLE TRIGGER. Migrations run as the
 * owner: DATABASE_OWNER_URL, or DATABASE_URL's own login when that is the owner (one login for
 * both, as in development and the tests). Every runtime connection switches to this role
 * (`SET ROLE`), whichever login it opened with; in production DATABASE_URL's login is this role
 * itself or a member of it, so even `RESET ROLE` gives nothing more.
 */
export const RUNTIME_ROLE = "kefu_app";

export type OpenOptions = {
  /**
   * The owner's connection instead of the runtime role's: for tests and maintenance that change
   * the schema or tamper on purpose. Never used by the portal itself.
   */
  asOwner?: boolean;
};

type Adapters = Opened & {
  migrations: SqlMigrationAwareDriverAdapterFactory;
  afterMigrations: () => Promise<void>;
  appliedMigrations: () => Promise<Set<string> | null>;
  enterRuntimeRole: () => Promise<void>;
};

const APPLIED_SQL = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

async function createAdapterFactory(opts: OpenOptions): Promise<Adapters> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const ownerUrl = process.env.DATABASE_OWNER_URL || url;
    const config = opts.asOwner ? pgPoolConfig(ownerUrl) : { ...pgPoolConfig(url), options: `-c role=${RUNTIME_ROLE}` };
    // The portal's pool cancels an aborted request's statement (abort-signal.ts).
    const factory = runScriptsWhole(new PrismaPg(cancellablePool(config), { disposeExternalPool: true }));
    // Migrations (an index over a million rows) may rightly run for minutes: no statement timeout.
    const migrationConfig = { ...pgPoolConfig(ownerUrl), max: 2, statement_timeout: 0 };
    const migrations = connectionsClosedAfter(runScriptsWhole(new PrismaPg(migrationConfig)));
    const appliedMigrations = async () => {
      const { default: pg } = await import("pg");
      const c = new pg.Client(migrationConfig);
      await c.connect();
      try {
        return new Set((await c.query<{ migration_name: string }>(APPLIED_SQL)).rows.map((r) => r.migration_name));
      } catch {
        return null; // no _prisma_migrations yet: a new database
      } finally {
        await c.end().catch(() => {});
      }
    };
    return { factory, migrations: migrations.factory, afterMigrations: migrations.close, appliedMigrations, enterRuntimeRole: async () => {}, close: async () => {} };
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
  const appliedMigrations = async () => {
    try {
      return new Set((await pglite.query<{ migration_name: string }>(APPLIED_SQL)).rows.map((r) => r.migration_name));
    } catch {
      return null;
    }
  };
  // PGlite is one connection in this process: the migrations run on it as the owner (the
  // bootstrap superuser), then the session switches to the runtime role for good.
  const enterRuntimeRole = async () => {
    if (!opts.asOwner) await pglite.exec(`SET ROLE ${RUNTIME_ROLE}`);
  };
  return { factory, migrations: factory, afterMigrations: async () => {}, appliedMigrations, enterRuntimeRole, close };
}

/** The committed migrations the database has not applied yet (all of them for a new database). */
async function pendingMigrations(adapters: Adapters): Promise<string[]> {
  const applied = await adapters.appliedMigrations();
  const committed = readMigrationList().migrationDirectories.map((d) => d.path);
  return applied ? committed.filter((name) => !applied.has(name)) : committed;
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

/**
 * Opens the database, applies committed migrations (as the owner) and returns a Prisma client
 * that runs as the runtime role (RUNTIME_ROLE), or as the owner with `{ asOwner: true }`.
 */
export async function openDatabase(opts: OpenOptions = {}): Promise<Db> {
  const adapters = await createAdapterFactory(opts);
  const { factory, migrations, afterMigrations, close } = adapters;
  try {
    // Nothing pending: the schema engine is not started, so a runtime login that may not create
    // tables (DATABASE_URL without DATABASE_OWNER_URL, migrations run by `npm run db:migrate`) opens.
    const pending = await pendingMigrations(adapters);
    if (pending.length > 0) {
      try {
        await applyMigrations(migrations);
      } catch (e) {
        if (databaseKind() === "postgres" && !process.env.DATABASE_OWNER_URL && /permission denied|must be owner|42501/i.test(String((e as Error)?.message ?? e))) {
          throw new Error(
            `migrations ${pending.join(", ")} are not applied and DATABASE_URL's role may not apply them: set DATABASE_OWNER_URL to the owner's connection, or run \`npm run db:migrate\` with DATABASE_URL set to it (${(e as Error).message})`,
          );
        }
        throw e;
      }
    }
  } catch (e) {
    await close();
    throw e;
  } finally {
    await afterMigrations();
  }
  await adapters.enterRuntimeRole();
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
