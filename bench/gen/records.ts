// 档案 records over the seeded classes (client files KH/RZ/CQ per unit, contracts, complaint files,
// engineering files), each with a client of its own (the buyer; a contractor for 工程档案) — which is
// where most of the production volume's clients come from. Titles, 档号 and searchText/searchGrams
// are built the way insertArchiveRecord() builds them (recordSearchText over 档号, title, parties
// and the linked names). Gap-free numbering stays intact: 档号 continue each class/year counter,
// and the counters are moved to the last number used.
import type { Db } from "../../server/db/client";
import { createRng } from "../../prisma/seed/prng";
import { residentId, unifiedSocialCreditCode } from "../../prisma/seed/identity";
import { COMPANY_TRADES, COMPANY_WORDS, FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../../prisma/seed/names";
import { formatArchiveNo } from "../../server/domain/archive/numbering";
import { recordSearchText } from "../../server/domain/archive/record-insert";
import type { EstateLayout } from "./estate";
import { benchUuid } from "./ids";
import { inBatches, insertRows, report } from "./insert";

// Ten positions: record i takes class POSITIONS[i % 10].
const POSITIONS = ["KH", "RZ", "RZ", "CQ", "CQ", "HT", "HT", "TS", "GC", "CQ"] as const;
const DOCS: Record<(typeof POSITIONS)[number], readonly string[]> = {
  KH: ["客户信息登记表", "身份证复印件", "认购书", "优惠申请表"],
  RZ: ["入住档案", "收楼确认书", "钥匙领取登记", "装修申请表"],
  CQ: ["商品房买卖合同", "产权证复印件", "契税发票", "维修基金收据", "按揭合同"],
  HT: ["商品房买卖合同", "补充协议", "车位买卖合同", "按揭合同"],
  TS: ["投诉处理单", "回访记录", "维修记录", "情况说明"],
  GC: ["竣工验收资料", "隐蔽工程记录", "施工合同", "监理日志"],
};
const YEARS = 27; // 2000 … 2026
const FIRST_YEAR = 2000;

export const recordId = (i: number) => benchUuid(`bench-record:${i}`);
export const recordClientId = (i: number) => benchUuid(`bench-record-client:${i}`);

export async function generateRecords(db: Db, layout: EstateLayout, total: number, batch: number, now = new Date()): Promise<number> {
  const classes = new Map((await db.archiveClass.findMany({ select: { id: true, code: true, retentionYears: true } })).map((c) => [c.code, c]));
  for (const code of new Set(POSITIONS)) if (!classes.has(code)) throw new Error(`archive class ${code} missing: run npm run db:seed first`);
  const counters = await db.archiveCounter.findMany({ select: { classId: true, year: true, lastSeq: true } });
  const base = new Map(counters.map((c) => [`${c.classId}:${c.year}`, c.lastSeq]));
  const have = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "ArchiveRecord" WHERE "id" = ANY($1::uuid[])`, [recordId(0), recordId(total - 1)]);
  if (Number(have[0]!.n) === 2) {
    console.log(`[bench] ArchiveRecord: the ${total} records are there already`);
    return 0;
  }
  // rank of each position among the positions of its class, and how many positions a class has
  const rank = POSITIONS.map((c, p) => POSITIONS.slice(0, p).filter((x) => x === c).length);
  const width = POSITIONS.map((c) => POSITIONS.filter((x) => x === c).length);
  const maxSeq = new Map<string, number>();

  let clientSeconds = 0;
  let recordSeconds = 0;
  const t0 = performance.now();
  const inserted = await inBatches("records", total, batch, async (from, to) => {
    const rng = createRng(20260302 + from); // per batch, so a resumed run draws the same rows
    const clients: Record<string, unknown>[] = [];
    const rows: Record<string, unknown>[] = [];
    for (let i = from; i < to; i++) {
      const p = i % POSITIONS.length;
      const code = POSITIONS[p]!;
      const cls = classes.get(code)!;
      const j = Math.floor(i / POSITIONS.length);
      const year = FIRST_YEAR + (j % YEARS);
      const key = `${cls.id}:${year}`;
      const seq = (base.get(key) ?? 0) + Math.floor(j / YEARS) * width[p]! + rank[p]! + 1;
      if (seq > (maxSeq.get(key) ?? 0)) maxSeq.set(key, seq);
      const archiveNo = formatArchiveNo(code, year, seq);
      const unit = layout.unit(j);
      const doc = rng.pick(DOCS[code]);
      let clientName: string;
      if (code === "GC") {
        clientName = `广州市${rng.pick(COMPANY_WORDS)}建筑${rng.pick(COMPANY_TRADES)}有限公司`;
        clients.push({ id: recordClientId(i), kind: "company", name: clientName, idNumber: unifiedSocialCreditCode(rng, "440106") });
      } else {
        const male = rng.chance(0.5);
        clientName = rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
        clients.push({ id: recordClientId(i), kind: "individual", name: clientName, idNumber: residentId(rng, { male }) });
      }
      const onUnit = code !== "GC";
      const title = onUnit ? `${unit.projectName}${unit.buildingName}${unit.number} ${clientName} ${doc}` : `${unit.projectName}${unit.buildingName} ${doc}`;
      const parties = code === "HT" ? `${unit.projectName}开发有限公司；${clientName}` : null;
      const month = rng.int(1, 12);
      const formedOn = `${year}-${String(month).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
      const expiresOn = cls.retentionYears ? `${year + cls.retentionYears}${formedOn.slice(4)}` : null;
      // Entered a few days to a few months after it was formed, never in the future.
      const createdAt = new Date(Math.min(now.getTime() - (i % 997) * 60_000, Date.parse(`${formedOn}T09:00:00+08:00`) + rng.int(2, 90) * 86_400_000));
      const names = onUnit ? [unit.projectName, unit.buildingName, unit.number, clientName] : [unit.projectName, unit.buildingName, null, clientName];
      rows.push({
        id: recordId(i),
        archiveNo,
        classId: cls.id,
        year,
        seq,
        title,
        projectId: unit.projectId,
        buildingId: unit.buildingId,
        unitId: onUnit ? unit.unitId : null,
        clientId: recordClientId(i),
        parties,
        formedOn,
        retentionYears: cls.retentionYears,
        expiresOn,
        confidentiality: i % 37 === 0 ? "secret" : i % 11 === 0 ? "public" : "internal",
        cabinet: `柜${String.fromCharCode(65 + (j % 20))}`,
        shelf: `${(j % 6) + 1}层`,
        box: `${String((j % 40) + 1).padStart(2, "0")}盒`,
        createdAt,
        updatedAt: createdAt,
        ...(() => {
          const s = recordSearchText([archiveNo, title, parties, ...names]);
          // unnest cannot take an array of arrays: grams travel '|'-joined and are split in SQL
          return { searchText: s.searchText, searchGrams: s.searchGrams.join("|") };
        })(),
      });
    }
    const t1 = performance.now();
    await insertRows(db, "Client", { id: "uuid", kind: `"ClientKind"`, name: "text", idNumber: "text" }, clients);
    const t2 = performance.now();
    const n = await db.$executeRawUnsafe(
      `INSERT INTO "ArchiveRecord" ("id", "archiveNo", "classId", "year", "seq", "title", "projectId", "buildingId", "unitId", "clientId", "parties", "formedOn", "retentionYears", "expiresOn", "confidentiality", "cabinet", "shelf", "box", "searchText", "searchGrams", "createdAt", "updatedAt")
       SELECT id, no, cid, y, s, t, pid, bid, uid, clid, pa, f::date, ry, e::date, conf::"Confidentiality", cab, sh, bx, st, string_to_array(g, '|'), ca, ca
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::int[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[], $11::text[], $12::text[], $13::int[], $14::text[],
                   $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::timestamptz[])
         AS t(id, no, cid, y, s, t, pid, bid, uid, clid, pa, f, ry, e, conf, cab, sh, bx, st, g, ca)
       ON CONFLICT DO NOTHING`,
      ...(["id", "archiveNo", "classId", "year", "seq", "title", "projectId", "buildingId", "unitId", "clientId", "parties", "formedOn", "retentionYears", "expiresOn", "confidentiality", "cabinet", "shelf", "box", "searchText", "searchGrams"] as const).map((c) => rows.map((r) => r[c] ?? null)),
      rows.map((r) => (r.createdAt as Date).toISOString()),
    );
    clientSeconds += (t2 - t1) / 1000;
    recordSeconds += (performance.now() - t2) / 1000;
    return n;
  });
  console.log(`[bench] records: ${((performance.now() - t0) / 1000 - clientSeconds - recordSeconds).toFixed(1)} s generating in JS (titles, grams; not in the rates below)`);
  report("Client (records)", total, clientSeconds);
  report("ArchiveRecord", inserted, recordSeconds);
  for (const [key, seq] of maxSeq) {
    const [classId, year] = key.split(":");
    await db.$executeRawUnsafe(
      `INSERT INTO "ArchiveCounter" ("classId", "year", "lastSeq") VALUES ($1::uuid, $2::int, $3::int)
       ON CONFLICT ("classId", "year") DO UPDATE SET "lastSeq" = GREATEST("ArchiveCounter"."lastSeq", EXCLUDED."lastSeq")`,
      classId,
      Number(year),
      seq,
    );
  }
  return inserted;
}
