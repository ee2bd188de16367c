// 全局搜索 on the bench data (issue 10 §2: "fast on the benchmark data set"). Not a test: it prints
// figures. Run bench/generate.ts first (and bench/archive-search.ts for archive records), then:
//   PGLITE_DATA_DIR=./data/bench npx tsx bench/global-search.ts
//   DATABASE_URL=postgres://…/kefu_bench npx tsx bench/global-search.ts --runs 21
// Times globalSearch() — the code behind search.query, every group a manager may see, 5 hits
// each — for the forms people type: units ("3-1202", project + unit, a bare number), a client's
// surname and given name, a whole phone and ID number, an archive-number and slip/complaint prefix.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { describeDatabase, runScript } from "../prisma/seed/script-db";
import { globalSearch } from "../server/domain/search/global-search.service";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "11" } } });
const RUNS = Number(args.runs);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

console.log(`[bench] database: ${describeDatabase()}`);
await runScript(async (db) => {
  const [units, clients, records] = await Promise.all([db.unit.count(), db.client.count(), db.archiveRecord.count()]);
  console.log(`[bench] ${units} units, ${clients} clients, ${records} archive records`);
  // Real values from the data, so every query has something to find.
  const unit = await db.unit.findFirst({ where: { number: "1202" }, orderBy: { id: "asc" }, select: { number: true, building: { select: { code: true, name: true, project: { select: { name: true } } } } } });
  const client = await db.client.findFirst({ where: { kind: "individual", phone: { not: null }, idNumber: { not: null } }, orderBy: { id: "asc" }, select: { name: true, phone: true, idNumber: true } });
  const record = await db.archiveRecord.findFirst({ orderBy: { id: "asc" }, select: { archiveNo: true } });
  if (!unit || !client) throw new Error("no bench data: run bench/generate.ts first");
  const queries: [string, string][] = [
    ["unit b-nnnn", `${unit.building.code}-${unit.number}`],
    ["unit 栋 form", `${unit.building.name}${unit.number}`],
    ["project + unit", `${unit.building.project.name}${unit.building.code}栋${unit.number}`],
    ["bare unit number", unit.number],
    ["surname (1 char)", [...client.name][0]!],
    ["full name", client.name],
    ["whole phone", client.phone!],
    ["whole ID number", client.idNumber!],
    ["archive no. prefix", record ? record.archiveNo.slice(0, 7) : "KH-2026"],
    ["slip no. prefix", "JY-2026-00"],
    ["complaint no.", "TS-2026-0001"],
  ];
  const viewer = { id: crypto.randomUUID(), roles: ["manager"] as const };
  console.log("| query | term | hits | median ms | p95 ms |");
  console.log("|---|---|---|---|---|");
  for (const [label, q] of queries) {
    await globalSearch(db, viewer, { q }); // warm-up: plans and caches
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = await globalSearch(db, viewer, { q });
      times.push(performance.now() - t0);
      hits = r.groups.reduce((n, g) => n + g.hits.length, 0);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${label} | ${q.length > 10 ? `${q.slice(0, 4)}…${q.slice(-4)}` : q} | ${hits} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
});
