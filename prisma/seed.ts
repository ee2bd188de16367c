// `npm run db:seed`: applies migrations and loads the demo data (departments, one account per
// role, two projects with buildings and units, ~50 clients). Idempotent: a second run creates
// nothing and writes no audit entry. PGlite at PGLITE_DATA_DIR (default ./data/pglite) unless
// DATABASE_URL is set — and PGlite is single-process, so run this while the server is stopped.
import { seedAll, seedCounts } from "./seed/index";
import { describeDatabase, runScript } from "./seed/script-db";
import { seedBorrowing } from "./seed/borrowing";
import { seedUnitStory } from "./seed/units";
import { seedContacts } from "./seed/contacts";

const started = performance.now();
console.log(`[seed] database: ${describeDatabase()}`);
await runScript(async (db) => {
  const created = { ...(await seedAll(db)), ...(await seedBorrowing(db)), ...(await seedUnitStory(db)), ...(await seedContacts(db)) };
  const counts = await seedCounts(db);
  const createdTotal = Object.values(created).reduce((a, b) => a + b, 0);
  console.log(createdTotal === 0 ? "[seed] nothing to do: all demo data present" : `[seed] created ${JSON.stringify(created)}`);
  console.log("[seed] table counts:");
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(16)} ${n}`);
  console.log(`[seed] done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
