// Writes the next migration: the SQL that takes the committed migrations to the edited schema.
// Usage: npm run db:new-migration -- <name>   (what `prisma migrate dev --create-only` would do)
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { migrationsDir, noFilter, readMigrationList, readSchema, withSchemaEngine } from "../server/db/schema-engine";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}

const factory = new PrismaPGlite(new PGlite("memory://"));
const sql = await withSchemaEngine(factory, async (engine) => {
  const [schemaFile, content] = readSchema();
  const captured: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  // The engine prints the script on stdout through the host; capture it instead of echoing it.
  process.stdout.write = ((chunk: string | Uint8Array) => (captured.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    const res = await engine.diff({
      from: { tag: "migrations", ...readMigrationList() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaFile, content }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: noFilter,
    });
    return (res.stdout ?? "") + captured.join("");
  } finally {
    process.stdout.write = write;
  }
});

if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log("schema and migrations agree: no migration written");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
