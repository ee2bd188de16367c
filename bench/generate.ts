// Large-data generator for benchmarks (not a test, not demo data):
//   npx tsx bench/generate.ts --clients 100000 --projects 20
// Bulk-inserts projects → buildings → units → clients → client-unit links, deterministically
// (fixed seed, ids derived from md5 of natural keys), so a re-run inserts nothing and two
// machines get identical data. Use its own database: PGLITE_DATA_DIR=./data/bench, or DATABASE_URL.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import type { Db } from "../server/db/client";
import { SYSTEM_ACTOR, writeAudit } from "../server/domain/audit/audit-log";
import { createRng, type Rng } from "../prisma/seed/prng";
import { GUANGZHOU_AREAS, guangzhouLandline, mobileNumber, residentId, unifiedSocialCreditCode } from "../prisma/seed/identity";
import { COMPANY_TRADES, COMPANY_WORDS, FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../prisma/seed/names";
import { describeDatabase, runScript } from "../prisma/seed/script-db";

const { values: args } = parseArgs({
  options: {
    clients: { type: "string", default: "100000" },
    projects: { type: "string", default: "20" },
    floors: { type: "string", default: "32" },
    "units-per-floor": { type: "string", default: "4" },
    batch: { type: "string", default: "5000" },
    seed: { type: "string", default: "20260302" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log("usage: npx tsx bench/generate.ts [--clients 100000] [--projects 20] [--floors 32] [--units-per-floor 4] [--batch 5000] [--seed 20260302]");
  process.exit(0);
}
const num = (name: keyof typeof args, min: number) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};
const CLIENTS = num("clients", 0);
const PROJECTS = num("projects", 1);
const FLOORS = num("floors", 1);
const UNITS_PER_FLOOR = num("units-per-floor", 1);
const BATCH = num("batch", 1);
const SEED = num("seed", 0);
const CO_OWNER_EVERY = 20; // every 20th client co-owns the previous client's unit

// Enough buildings that every client (minus co-owners) gets a unit of their own.
const unitsNeeded = Math.max(1, CLIENTS - Math.floor(CLIENTS / CO_OWNER_EVERY));
const BUILDINGS = Math.max(1, Math.ceil(unitsNeeded / PROJECTS / (FLOORS * UNITS_PER_FLOOR)));

/** md5 → UUID text, exactly what PostgreSQL's md5(text)::uuid gives, so SQL and JS agree. */
function md5Uuid(key: string): string {
  const h = crypto.createHash("md5").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ESTATE_HEADS = ["云山", "锦绣", "翠湖", "金沙", "珠江", "雅苑", "逸景", "汇景", "海怡", "星河", "天朗", "誉峰", "悦澜", "御景", "南湖", "凤凰"] as const;
const ESTATE_TAILS = ["花园", "豪庭", "名苑", "新城", "山庄", "公馆", "雅居", "湾"] as const;
const ROADS = ["大道", "路", "大街"] as const;

type ProjectRow = { id: string; code: string; name: string; city: string; address: string };
function projectRows(rng: Rng): ProjectRow[] {
  return Array.from({ length: PROJECTS }, (_, i) => {
    const area = GUANGZHOU_AREAS[i % GUANGZHOU_AREAS.length]!;
    const code = `BM${String(i + 1).padStart(3, "0")}`;
    const name = `${ESTATE_HEADS[i % ESTATE_HEADS.length]}${ESTATE_TAILS[Math.floor(i / ESTATE_HEADS.length) % ESTATE_TAILS.length]}${i >= ESTATE_HEADS.length * ESTATE_TAILS.length ? i : ""}`;
    const address = `广州市${area.name}${rng.pick(ESTATE_HEADS)}${rng.pick(ROADS)} ${rng.int(1, 999)} 号`;
    return { id: md5Uuid(`bench-project:${code}`), code, name, city: "广州市", address };
  });
}

function buildingId(projectCode: string, buildingCode: string) {
  return md5Uuid(`bench-building:${projectCode}:${buildingCode}`);
}
const unitNumberOf = (floor: number, index: number) => `${String(floor).padStart(2, "0")}${String(index).padStart(2, "0")}`;

type Timing = { table: string; rows: number; seconds: number };
const timings: Timing[] = [];
function report(table: string, rows: number, seconds: number) {
  timings.push({ table, rows, seconds });
  // A rate over a few dozen rows measures the round trip, not the insert: only shown from 1000 rows.
  const rate = rows >= 1000 ? `${Math.round(rows / seconds).toLocaleString("en-US").padStart(9)} rows/s` : "";
  console.log(`[bench] ${table.padEnd(11)} ${String(rows).padStart(9)} rows in ${seconds.toFixed(2).padStart(7)} s  ${rate}`.trimEnd());
}
async function timed(table: string, work: () => Promise<number>) {
  const t0 = performance.now();
  const rows = await work();
  report(table, rows, (performance.now() - t0) / 1000);
}

type ClientRow = { id: string; kind: "individual" | "company"; name: string; idNumber: string; phone: string; address: string; createdAt: Date };
type LinkRow = { clientId: string; unitId: string; relation: string; since: Date };

// One INSERT … SELECT FROM unnest(arrays) per batch: a handful of array parameters instead of
// one parameter per cell, which is what makes createMany slow at this size.
function insertClients(db: Db, rows: ClientRow[]): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Client" ("id", "kind", "name", "idNumber", "phone", "address", "createdAt")
    SELECT id, kind::"ClientKind", name, id_number, phone, address, created_at
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.name)}::text[],
                ${rows.map((r) => r.idNumber)}::text[], ${rows.map((r) => r.phone)}::text[], ${rows.map((r) => r.address)}::text[],
                ${rows.map((r) => r.createdAt.toISOString())}::timestamptz[])
      AS t(id, kind, name, id_number, phone, address, created_at)
    ON CONFLICT ("id") DO NOTHING`;
}

function insertLinks(db: Db, rows: LinkRow[]): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "ClientUnit" ("clientId", "unitId", "relation", "since")
    SELECT client_id, unit_id, relation, since
    FROM unnest(${rows.map((r) => r.clientId)}::uuid[], ${rows.map((r) => r.unitId)}::uuid[], ${rows.map((r) => r.relation)}::text[],
                ${rows.map((r) => r.since.toISOString())}::timestamptz[])
      AS t(client_id, unit_id, relation, since)
    ON CONFLICT ("clientId", "unitId") DO NOTHING`;
}

async function main(db: Db) {
  const rng = createRng(SEED);
  const projects = projectRows(rng);
  const totalUnits = PROJECTS * BUILDINGS * FLOORS * UNITS_PER_FLOOR;
  console.log(`[bench] database: ${describeDatabase()}`);
  console.log(`[bench] ${PROJECTS} projects × ${BUILDINGS} buildings × ${FLOORS} floors × ${UNITS_PER_FLOOR} units = ${totalUnits} units; ${CLIENTS} clients; batch ${BATCH}`);
  const started = performance.now();

  await timed("Project", async () => (await db.project.createMany({ data: projects, skipDuplicates: true })).count);

  await timed("Building", async () => {
    const data = projects.flatMap((p) =>
      Array.from({ length: BUILDINGS }, (_, b) => ({ id: buildingId(p.code, String(b + 1)), projectId: p.id, code: String(b + 1), name: `${b + 1}栋`, sortOrder: b + 1 })),
    );
    let n = 0;
    for (let i = 0; i < data.length; i += BATCH) n += (await db.building.createMany({ data: data.slice(i, i + BATCH), skipDuplicates: true })).count;
    return n;
  });

  // Units straight from generate_series: one statement per project, no round trip per row.
  // Areas are exact decimals between 60.00 and 159.99 derived from floor and index.
  await timed("Unit", async () => {
    let n = 0;
    for (const p of projects) {
      n += await db.$executeRaw`
        INSERT INTO "Unit" ("id", "buildingId", "number", "floor", "areaSqm")
        SELECT md5('bench-unit:' || b."id"::text || ':' || lpad(f::text, 2, '0') || lpad(i::text, 2, '0'))::uuid,
               b."id", lpad(f::text, 2, '0') || lpad(i::text, 2, '0'), f,
               (60 + (i * 37 + b."sortOrder" * 11) % 100 + ((f * 31 + i * 17) % 100) / 100.0)::numeric(10, 2)
        FROM "Building" b
        CROSS JOIN generate_series(1, ${FLOORS}::int) AS f
        CROSS JOIN generate_series(1, ${UNITS_PER_FLOOR}::int) AS i
        WHERE b."projectId" = ${p.id}::uuid
        ON CONFLICT ("buildingId", "number") DO NOTHING`;
    }
    return n;
  });

  // Every unit in shelving order; client k takes unit (slot × stride) mod total, which spreads
  // clients over all projects instead of filling the first one.
  const unitKey = (slot: number) => {
    const u = (slot * stride) % totalUnits;
    const perProject = BUILDINGS * FLOORS * UNITS_PER_FLOOR;
    const p = projects[Math.floor(u / perProject)]!;
    const inProject = u % perProject;
    const b = Math.floor(inProject / (FLOORS * UNITS_PER_FLOOR)) + 1;
    const inBuilding = inProject % (FLOORS * UNITS_PER_FLOOR);
    const number = unitNumberOf(Math.floor(inBuilding / UNITS_PER_FLOOR) + 1, (inBuilding % UNITS_PER_FLOOR) + 1);
    return { id: md5Uuid(`bench-unit:${buildingId(p.code, String(b))}:${number}`), address: `${p.address} ${p.name}${b}栋${number}房` };
  };
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = 7919;
  while (gcd(stride, totalUnits) !== 1) stride++;

  let genSeconds = 0;
  const idNumbers = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const v = make();
      if (!idNumbers.has(v)) return idNumbers.add(v), v;
    }
  };
  let slot = -1;
  let clientsInserted = 0;
  let linksInserted = 0;
  let clientSeconds = 0;
  let linkSeconds = 0;
  for (let start = 0; start < CLIENTS; start += BATCH) {
    const t0 = performance.now();
    const clients: ClientRow[] = [];
    const links: LinkRow[] = [];
    for (let k = start; k < Math.min(start + BATCH, CLIENTS); k++) {
      const coOwner = k % CO_OWNER_EVERY === CO_OWNER_EVERY - 1;
      if (!coOwner) slot++;
      const unit = unitKey(slot);
      const id = md5Uuid(`bench-client:${SEED}:${k}`);
      const since = new Date(Date.UTC(rng.int(2008, 2025), rng.int(0, 11), rng.int(1, 28), rng.int(1, 9), rng.pick([0, 15, 30, 45])));
      if (k % 50 === 49) {
        const area = rng.pick(GUANGZHOU_AREAS);
        clients.push({ id, kind: "company", name: `广州市${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司`, idNumber: unique(() => unifiedSocialCreditCode(rng, area.code)), phone: guangzhouLandline(rng), address: unit.address, createdAt: since });
      } else {
        const male = rng.chance(0.5);
        clients.push({ id, kind: "individual", name: rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN), idNumber: unique(() => residentId(rng, { male })), phone: mobileNumber(rng), address: unit.address, createdAt: since });
      }
      links.push({ clientId: id, unitId: unit.id, relation: coOwner || (k + 1) % CO_OWNER_EVERY === CO_OWNER_EVERY - 1 ? "co-owner" : "buyer", since });
    }
    const t1 = performance.now();
    clientsInserted += await insertClients(db, clients);
    const t2 = performance.now();
    linksInserted += await insertLinks(db, links);
    const t3 = performance.now();
    genSeconds += (t1 - t0) / 1000;
    clientSeconds += (t2 - t1) / 1000;
    linkSeconds += (t3 - t2) / 1000;
    if ((start / BATCH) % 10 === 9) console.log(`[bench]   … ${Math.min(start + BATCH, CLIENTS)} / ${CLIENTS} clients`);
  }
  console.log(`[bench] generating client data in JS took ${genSeconds.toFixed(2)} s (not included below)`);
  report("Client", clientsInserted, clientSeconds);
  report("ClientUnit", linksInserted, linkSeconds);

  const inserted = Object.fromEntries(timings.map((t) => [t.table, t.rows]));
  if (timings.some((t) => t.rows > 0)) {
    await db.$transaction(async (tx) =>
      writeAudit(tx, SYSTEM_ACTOR, { action: "bench.generate", entity: "Bench", after: { args: { clients: CLIENTS, projects: PROJECTS, floors: FLOORS, unitsPerFloor: UNITS_PER_FLOOR, seed: SEED }, inserted } }),
    );
  }
  const total = timings.reduce((a, t) => a + t.rows, 0);
  const seconds = (performance.now() - started) / 1000;
  console.log(`[bench] total ${total} rows inserted in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en-US")} rows/s overall)${total === 0 ? " — everything was already there" : ""}`);
}

await runScript(main);
