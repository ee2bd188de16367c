// Applies the committed migrations (what `prisma migrate deploy` does) to the embedded database
// or to DATABASE_URL. The portal also does this itself at start.
import { closeDatabase, openDatabase, databaseKind } from "../server/db/client";

const db = await openDatabase();
console.log(`migrations applied (${databaseKind()})`);
await closeDatabase(db);
// The wasm schema engine may leave a timer behind after applying migrations: do not wait for it.
process.exit(0);
