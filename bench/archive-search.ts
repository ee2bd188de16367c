// 档案检索 at scale (issue 4 item 6: "stays fast on 1M records"). Not a test: it prints figures.
//   PGLITE_DATA_DIR=./data/bench-search npx tsx bench/archive-search.ts --records 1000000
//   DATABASE_URL=postgres://…/kefu_bench npx tsx bench/archive-search.ts --records 1000000
// Inserts records of its own class (code BS) in batches — title, client name, project/building/
// unit text and their 1-/2-character grams computed in Node by the product's own searchGrams()
// — then times searchRecords() (the code behind archive.search.records) for 1- to 4-character
// Chinese terms and an exact ID number, and prints the plan of the gram query.
import { parseArgs } from "node:util";
import type { Db } from "../server/db/client";
import { createRng } from "../prisma/seed/prng";
import { residentId } from "../prisma/seed/identity";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../prisma/seed/names";
import { describeDatabase, runScript } from "../prisma/seed/script-db";
import { formatArchiveNo } from "../server/domain/archive/numbering";
import { recordSearchText } from "../server/domain/archive/record-insert";
import { searchRecords } from "../server/domain/archive/search.service";
import { benchUuid } from "./gen/ids";

const { values: args } = parseArgs({
  options: {
    records: { type: "string", default: "1000000" },
    batch: { type: "string", default: "5000" },
    "max-seconds": { type: "string", default: "600" },
    runs: { type: "string", default: "7" },
  },
});
const RECORDS = Number(args.records);
const BATCH = Number(args.batch);
const MAX_MS = Number(args["max-seconds"]) * 1000;
const RUNS = Number(args.runs);

// valid (v3) UUIDs, so the records' links open (bench/gen/ids.ts)
const md5Uuid = benchUuid;
const ESTATES = ["云山花园", "锦绣豪庭", "翠湖名苑", "金沙新城", "珠江山庄", "雅苑公馆", "逸景雅居", "汇景湾", "海怡花园", "星河豪庭"];
const DOCS = ["认购书", "商品房买卖合同", "按揭合同", "补充协议", "优惠申请表", "收据复印件", "会议记录", "工作总结", "情况说明", "物业往来函", "维修基金收据", "产权证复印件", "理赔资料", "应急维修记录"];

async function ensureClass(db: Db) {
  return db.archiveClass.upsert({ where: { code: "BS" }, update: {}, create: { code: "BS", name: "基准测试档案", retentionYears: 30 }, select: { id: true } });
}

async function generate(db: Db, classId: string) {
  const have = await db.archiveRecord.count({ where: { classId } });
  if (have >= RECORDS) return { have, inserted: 0, ms: 0 };
  const rng = createRng(20260302);
  const started = Date.now();
  let inserted = 0;
  for (let from = have; from < RECORDS; from += BATCH) {
    if (Date.now() - started > MAX_MS) {
      console.log(`[bench] stopped generating after ${(MAX_MS / 1000).toFixed(0)} s at ${from} records`);
      break;
    }
    const n = Math.min(BATCH, RECORDS - from);
    const clients: { id: string; name: string; idNumber: string }[] = [];
    const rows = Array.from({ length: n }, (_, k) => {
      const i = from + k;
      const year = 2000 + (i % 27);
      const seq = Math.floor(i / 27) + 1;
      const archiveNo = formatArchiveNo("BS", year, seq);
      const male = rng.chance(0.5);
      const name = rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
      const estate = ESTATES[i % ESTATES.length]!;
      const unit = `${rng.int(1, 12)}栋${String(rng.int(1, 32)).padStart(2, "0")}0${rng.int(1, 4)}`;
      const title = `${estate}${unit} ${name} ${rng.pick(DOCS)}`;
      const clientId = md5Uuid(`bench-client-${i}`);
      clients.push({ id: clientId, name, idNumber: residentId(rng, { male }) });
      const month = String(rng.int(1, 12)).padStart(2, "0");
      return { id: md5Uuid(`bench-record-${i}`), archiveNo, year, seq, title, formedOn: `${year}-${month}-15`, clientId, ...recordSearchText([archiveNo, title, name, estate]) };
    });
    await db.$executeRaw`
      INSERT INTO "Client" ("id", "kind", "name", "idNumber")
      SELECT id, 'individual', name, idn FROM unnest(${clients.map((c) => c.id)}::uuid[], ${clients.map((c) => c.name)}::text[], ${clients.map((c) => c.idNumber)}::text[]) AS t(id, name, idn)
      ON CONFLICT DO NOTHING`;
    // Grams travel as one '|'-joined string per row (unnest cannot take an array of arrays).
    inserted += await db.$executeRaw`
      INSERT INTO "ArchiveRecord" ("id", "archiveNo", "classId", "year", "seq", "title", "formedOn", "retentionYears", "expiresOn", "confidentiality", "clientId", "searchText", "searchGrams", "updatedAt")
      SELECT id, no, ${classId}::uuid, y, s, title, f::date, 30, (f::date + interval '30 years')::date, 'internal', cid, st, string_to_array(g, '|'), now()
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.archiveNo)}::text[], ${rows.map((r) => r.year)}::int[], ${rows.map((r) => r.seq)}::int[],
                  ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.formedOn)}::text[], ${rows.map((r) => r.clientId)}::uuid[],
                  ${rows.map((r) => r.searchText)}::text[], ${rows.map((r) => r.searchGrams.join("|"))}::text[]) AS t(id, no, y, s, title, f, cid, st, g)
      ON CONFLICT DO NOTHING`;
    if ((from / BATCH) % 20 === 0) console.log(`[bench] ${from + n} records, ${Math.round(((from + n - have) / (Date.now() - started)) * 1000)} rows/s`);
  }
  return { have, inserted, ms: Date.now() - started };
}

async function time(fn: () => Promise<unknown>) {
  const ms: number[] = [];
  let last: unknown;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]!, last };
}

async function main(db: Db) {
  console.log(`[bench] database: ${describeDatabase()}`);
  const { id: classId } = await ensureClass(db);
  const g = await generate(db, classId);
  if (g.inserted) console.log(`[bench] inserted ${g.inserted} records in ${(g.ms / 1000).toFixed(1)} s (${Math.round((g.inserted / g.ms) * 1000)} rows/s)`);
  await db.$executeRawUnsafe(`ANALYZE "ArchiveRecord"`);
  await db.$executeRawUnsafe(`ANALYZE "Client"`);
  const total = await db.archiveRecord.count();
  const someClient = await db.client.findFirstOrThrow({ where: { id: md5Uuid("bench-client-4242") }, select: { idNumber: true } });
  console.log(`[bench] ${total} archive records`);

  const terms: [string, string][] = [
    ["1 char", "王"],
    ["2 chars (name)", "志明"],
    ["2 chars (word)", "合同"],
    ["3 chars", "会议记"],
    ["4 chars", "买卖合同"],
    ["4 chars (estate+name, rare)", "翠湖名苑"],
    ["档号 part", "bs-2013-0001"],
    ["exact ID number", someClient.idNumber!],
    ["partial ID (must find 0)", someClient.idNumber!.slice(0, 10)],
  ];
  console.log("| term | q | median ms | max ms | rows on page | count (cap 1000) |");
  console.log("|---|---|---|---|---|---|");
  for (const [label, q] of terms) {
    const r = await time(() => searchRecords(db, ["archivist"], { q, pageSize: 50 }));
    const res = r.last as Awaited<ReturnType<typeof searchRecords>>;
    console.log(`| ${label} | ${label.startsWith("exact") || label.startsWith("partial") ? "(ID)" : q} | ${r.median.toFixed(1)} | ${r.max.toFixed(1)} | ${res.rows.length} | ${res.totalCapped ? "1000+" : res.total} |`);
  }
  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT id FROM "ArchiveRecord" WHERE "searchGrams" @> ARRAY['买卖','卖合','合同'] AND "searchText" LIKE '%买卖合同%' ORDER BY "archiveNo" LIMIT 50`,
  );
  console.log("[bench] plan of the gram query:\n" + plan.map((p) => "  " + p["QUERY PLAN"]).join("\n"));
  const plan2 = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT count(*) FROM (SELECT 1 FROM "ArchiveRecord" WHERE "searchGrams" @> ARRAY['翠湖','湖名','名苑'] AND "searchText" LIKE '%翠湖名苑%' LIMIT 1001) x`);
  console.log("[bench] plan of the capped count:\n" + plan2.map((p) => "  " + p["QUERY PLAN"]).join("\n"));
}

// As the owner: only the owner may ANALYZE (the portal's role kefu_app is skipped with a warning).
await runScript(main, { asOwner: true });
