// Large-data generator for benchmarks (not a test, not demo data): every big table at a chosen
// volume, on PostgreSQL (DATABASE_URL) or PGlite (PGLITE_DATA_DIR), in one command:
//   npm run bench:generate -- --preset production          # issue 15's volume
//   npm run bench:generate -- --preset pglite              # 200k records, same shape
//   npm run bench:generate -- --preset small --records 50000   # any preset, any volume overridden
// Needs the demo seed first (npm run db:seed): the classes, categories, counters and demo users
// the generated rows refer to. Deterministic (fixed seeds, ids = benchUuid() of natural keys), so a
// re-run inserts nothing and an interrupted run can be resumed. See bench/README.md.
import { parseArgs } from "node:util";
import type { Db } from "../server/db/client";
import { SYSTEM_ACTOR, writeAudit } from "../server/domain/audit/audit-log";
import { describeDatabase, runScript } from "../prisma/seed/script-db";
import { generateAppraisals } from "./gen/appraisals";
import { generateAudit } from "./gen/audit";
import { generateComplaints } from "./gen/complaints";
import { generateContacts } from "./gen/contacts";
import { EstateLayout, generateEstate } from "./gen/estate";
import { timings } from "./gen/insert";
import { generateLoans } from "./gen/loans";
import { PRESETS, type PresetName, type Volumes } from "./gen/presets";
import { generateRecords } from "./gen/records";

const volumeFlags = Object.keys(PRESETS.production) as (keyof Volumes)[];
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const { values: args } = parseArgs({
  options: {
    preset: { type: "string", default: "small" },
    batch: { type: "string", default: "5000" },
    seed: { type: "string", default: "20260302" },
    only: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
    ...Object.fromEntries(volumeFlags.map((f) => [kebab(f), { type: "string" as const }])),
  },
});
if (args.help) {
  console.log(`usage: npm run bench:generate -- [--preset ${Object.keys(PRESETS).join("|")}] [--${volumeFlags.map(kebab).join(" N] [--")} N] [--batch 5000] [--seed 20260302] [--only estate,records,complaints,loans,contacts,appraisals,audit]`);
  process.exit(0);
}
if (!(args.preset! in PRESETS)) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(", ")}`);
const int = (name: string, v: string | undefined, fallback: number, min = 0) => {
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};
const preset = PRESETS[args.preset as PresetName];
const vol: Volumes = Object.fromEntries(volumeFlags.map((f) => [f, int(kebab(f), (args as unknown as Record<string, string | undefined>)[kebab(f)], preset[f], f === "projects" || f === "floors" || f === "unitsPerFloor" || f === "years" || f === "appraisalYears" ? 1 : 0)])) as Volumes;
const BATCH = int("batch", args.batch, 5000, 1);
const SEED = int("seed", args.seed, 20260302);
const only = args.only ? new Set(args.only.split(",")) : null;
const step = (name: string) => !only || only.has(name);

async function main(db: Db) {
  console.log(`[bench] database: ${describeDatabase()}`);
  console.log(`[bench] preset ${args.preset}: ${JSON.stringify(vol)}`);
  if (!(await db.user.findUnique({ where: { loginName: "manager" } }))) throw new Error("the demo users are missing: run npm run db:seed on this database first");
  const started = performance.now();
  const layout = new EstateLayout({ clients: vol.clients, projects: vol.projects, floors: vol.floors, unitsPerFloor: vol.unitsPerFloor, batch: BATCH, seed: SEED });
  if (step("estate")) await generateEstate(db, layout);
  if (step("records")) await generateRecords(db, layout, vol.records, BATCH);
  if (step("complaints")) await generateComplaints(db, layout, vol.complaints, vol.years, BATCH);
  if (step("loans")) await generateLoans(db, vol.loans, vol.records, vol.years, BATCH);
  if (step("contacts")) await generateContacts(db, layout, vol.contacts, vol.years, BATCH);
  if (step("appraisals")) await generateAppraisals(db, vol.employees, vol.appraisalYears);
  if (step("audit")) await generateAudit(db, vol.audit, vol.years, vol, 1000);

  const inserted = Object.fromEntries(timings.map((t) => [t.table, t.rows]));
  const total = timings.reduce((a, t) => a + t.rows, 0);
  if (total > 0) await db.$transaction(async (tx) => writeAudit(tx, SYSTEM_ACTOR, { action: "bench.generate", entity: "Bench", after: { preset: args.preset, volumes: vol, seed: SEED, inserted } }));
  console.log("[bench] ANALYZE …");
  await db.$executeRawUnsafe("ANALYZE");
  const seconds = (performance.now() - started) / 1000;
  console.log(`[bench] total ${total.toLocaleString("en-US")} rows inserted in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en-US")} rows/s overall)${total === 0 ? " — everything was already there" : ""}`);
}

// Bulk statements (the appraisal clone, the chained audit inserts) run for minutes by design:
// the portal's per-statement limit (DATABASE_STATEMENT_TIMEOUT_MS, 15 s) is for pages, not this.
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";
await runScript(main);
