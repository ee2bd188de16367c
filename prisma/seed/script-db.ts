// Opening and, importantly, closing the database from a command-line script.
//
// server/db/client.ts opens PGlite inside openDatabase() and never closes it (the server holds it
// for its whole life), and the PGlite Prisma adapter's dispose() is a no-op. A script that only
// calls $disconnect() therefore keeps PGlite's timers alive and may not exit for minutes — while
// still holding a data directory that is single-process. So scripts track the PGlite instances
// opened in this process, close them (a clean shutdown with a checkpoint) and then exit.
import { PGlite } from "@electric-sql/pglite";
import { databaseKind, openDatabase, pgliteDataDir, type Db } from "../../server/db/client";

const opened: PGlite[] = [];
const originalCreate = PGlite.create.bind(PGlite) as (...args: unknown[]) => Promise<PGlite>;
(PGlite as unknown as { create: (...args: unknown[]) => Promise<PGlite> }).create = async (...args: unknown[]) => {
  const instance = await originalCreate(...args);
  opened.push(instance);
  return instance;
};

export function describeDatabase(): string {
  return databaseKind() === "pglite" ? `PGlite ${pgliteDataDir()}` : "PostgreSQL (DATABASE_URL)";
}

export async function openScriptDatabase(): Promise<{ db: Db; close(): Promise<void> }> {
  const db = await openDatabase();
  return {
    db,
    async close() {
      await db.$disconnect();
      for (const p of opened.splice(0)) if (!p.closed) await p.close();
    },
  };
}

/** Runs `main`, closes the database, and exits with main's code (1 on an uncaught error). */
export async function runScript(main: (db: Db) => Promise<number | void>): Promise<never> {
  let code = 1;
  try {
    const { db, close } = await openScriptDatabase();
    try {
      code = (await main(db)) ?? 0;
    } finally {
      await close();
    }
  } catch (e) {
    console.error(e);
    code = 1;
  }
  // The wasm schema engine may leave a timer behind after applying migrations: do not wait for it.
  process.exit(code);
}
