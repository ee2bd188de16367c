// Applies the committed migrations (what `prisma migrate deploy` does) to the embedded database
// or to DATABASE_URL. The portal also does this itself at start.
import { openDatabase, databaseKind } from "../server/db/client";

const db = await openDatabase();
console.log(`migrations applied (${databaseKind()})`);
await db.$disconnect();
