// Opening and closing the database from a command-line script: closeDatabase() shuts PGlite
// down cleanly, so the script can exit and release the single-process data directory.
import { closeDatabase, databaseKind, openDatabase, pgliteDataDir, type Db, type OpenOptions } from "../../server/db/client";

export function describeDatabase(): string {
  return databaseKind() === "pglite" ? `PGlite ${pgliteDataDir()}` : "PostgreSQL (DATABASE_URL)";
}

/** As the portal's runtime role, or `{ asOwner: true }` for maintenance (ANALYZE in a benchmark). */
export async function openScriptDatabase(opts: OpenOptions = {}): Promise<{ db: Db; close(): Promise<void> }> {
  const db = await openDatabase(opts);
  return {
    db,
    close: () => closeDatabase(db),
  };
}

/** Runs `main`, closes the database, and exits with main's code (1 on an uncaught error). */
export async function runScript(main: (db: Db) => Promise<number | void>, opts: OpenOptions = {}): Promise<never> {
  let code = 1;
  try {
    const { db, close } = await openScriptDatabase(opts);
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
