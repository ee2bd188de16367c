import fs from "node:fs";
import path from "node:path";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/client";
import { applyMigrations } from "./schema-engine";

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

async function createAdapterFactory(): Promise<Opened> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const factory = runScriptsWhole(new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }));
    return { factory, close: async () => {} };
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
  return { factory: new PrismaPGlite(pglite), close };
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

/** Opens the database, applies committed migrations, and returns a Prisma client. */
export async function openDatabase(): Promise<Db> {
  const { factory, close } = await createAdapterFactory();
  await applyMigrations(factory);
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
