import { beforeAll, describe, expect, it } from "vitest";
import { recordSearchText } from "../../server/domain/archive/record-insert";
import { INDEX_WALK_MAX_ROWS, pageStrategy, searchRecords } from "../../server/domain/archive/search.service";
import { SEARCH_COUNT_CAP } from "../../server/domain/archive/search.schema";
import { auditFacets, listAudit } from "../../server/domain/audit/audit.service";
import { writeAudit } from "../../server/domain/audit/audit-log";
import { LIST_COUNT_CAP } from "../../server/domain/capped-count";
import { listComplaints } from "../../server/domain/complaints/complaints.read";
import { prefixRange } from "../../server/domain/search/prefix-range";
import { globalSearch } from "../../server/domain/search/global-search.service";
import { inTransaction } from "../../server/db/tx";
import { signedInAs, useTestDatabase } from "./helpers";

// Issue 15 (production volume), the database side: the rewritten lookups must return exactly
// what the slow forms returned — the frequent-term index walk what the sort returns, the
// prefix range what LIKE finds, the loose index scan what DISTINCT finds — and the capped
// counts must stop where they say.
const t = useTestDatabase();
let managerId: string;
let classId: string;

// Over the cap for staff too, who do not see the 机密 seventh.
const FREQUENT = SEARCH_COUNT_CAP + 250;
const RARE = 30;

beforeAll(async () => {
  managerId = (await signedInAs(t.db, ["manager"])).user.id;
  classId = (await t.db.archiveClass.create({ data: { code: "VQ", name: "容量测试档案", retentionYears: 30 }, select: { id: true } })).id;
  // Titles hold 频繁词条 (more than the count cap) or 稀少词条 (a few); every 7th is 机密, and
  // formedOn / createdAt repeat so the id breaks ties.
  const rows = Array.from({ length: FREQUENT + RARE + 40 }, (_, i) => {
    const word = i < FREQUENT ? "频繁词条" : i < FREQUENT + RARE ? "稀少词条" : "其他资料";
    const archiveNo = `VQ-2020-${String(((i * 7919) % 100_000) + 1).padStart(6, "0")}`;
    const title = `${word} 第${i}号`;
    return {
      archiveNo,
      classId,
      year: 2020,
      seq: ((i * 7919) % 100_000) + 1,
      title,
      formedOn: new Date(Date.UTC(2010 + (i % 13), i % 12, 1 + (i % 27))),
      createdAt: new Date(Date.UTC(2024, i % 12, 1 + (i % 5))),
      confidentiality: i % 7 === 0 ? ("secret" as const) : ("internal" as const),
      ...recordSearchText([archiveNo, title]),
    };
  });
  await t.db.archiveRecord.createMany({ data: rows });
  // Only the owner may ANALYZE (the portal's role is skipped with a warning).
  await t.asOwner((owner) => owner.$executeRawUnsafe(`ANALYZE "ArchiveRecord"`));
});

/** Every visible match, sorted as the search sorts: the reference the strategies must equal. */
async function reference(word: string, sort: "archiveNo" | "formedOn" | "createdAt", dir: "asc" | "desc", roles: "staff" | "manager") {
  const all = await t.db.archiveRecord.findMany({
    where: { searchText: { contains: word }, ...(roles === "staff" ? { confidentiality: { not: "secret" } } : {}) },
    select: { id: true, archiveNo: true, formedOn: true, createdAt: true },
  });
  const key = (r: (typeof all)[number]) => (sort === "archiveNo" ? r.archiveNo : sort === "formedOn" ? r.formedOn.toISOString() : r.createdAt.toISOString());
  return all
    .sort((a, b) => {
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
      const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return dir === "asc" ? c || byId : -c || -byId;
    })
    .map((r) => r.archiveNo);
}

describe("档案检索: a frequent term walks the sort index, a rare one sorts its matches", () => {
  it("chooses by the capped count and the page depth", () => {
    expect(pageStrategy(SEARCH_COUNT_CAP, 0, 50)).toBe("sort");
    expect(pageStrategy(SEARCH_COUNT_CAP + 1, 0, 50)).toBe("walk");
    expect(pageStrategy(SEARCH_COUNT_CAP + 1, INDEX_WALK_MAX_ROWS - 50, 50)).toBe("walk");
    expect(pageStrategy(SEARCH_COUNT_CAP + 1, INDEX_WALK_MAX_ROWS, 50)).toBe("sort");
  });

  for (const [sort, dir] of [["archiveNo", "asc"], ["archiveNo", "desc"], ["formedOn", "desc"], ["createdAt", "asc"]] as const) {
    it(`a term over the cap returns the same pages as the full sort (${sort} ${dir}), 1000+ counted`, async () => {
      for (const roles of ["staff", "manager"] as const) {
        const want = await reference("频繁词条", sort, dir, roles);
        expect(want.length).toBeGreaterThan(SEARCH_COUNT_CAP);
        for (const page of [1, 2, 5]) {
          const got = await searchRecords(t.db, [roles], { q: "频繁词条", sort, dir, page, pageSize: 50 });
          expect(got.rows.map((r) => r.archiveNo)).toEqual(want.slice((page - 1) * 50, page * 50));
          expect([got.total, got.totalCapped]).toEqual([SEARCH_COUNT_CAP, true]);
        }
      }
    });
  }

  // The table here is smaller than PROBE_ROWS.full, so the calls above read the page and pass
  // the cap in the probe; shorter probes make the same calls take the other two ways: the page
  // found in the probe with the count from the gram index (300 rows hold ~250 matches: a page,
  // not the cap), and no page in the head (20 rows), which falls back to the count and the walk.
  for (const probe of [{ head: 300, full: 300 }, { head: 20, full: 10_000 }]) {
    it(`with a probe of ${probe.head}/${probe.full} rows, a frequent term still returns the full sort's pages, 1000+ counted`, async () => {
      for (const roles of ["staff", "manager"] as const) {
        for (const [sort, dir] of [["archiveNo", "asc"], ["formedOn", "desc"]] as const) {
          const want = await reference("频繁词条", sort, dir, roles);
          for (const page of [1, 3]) {
            const got = await searchRecords(t.db, [roles], { q: "频繁词条", sort, dir, page, pageSize: 50 }, { probe });
            expect(got.rows.map((r) => r.archiveNo)).toEqual(want.slice((page - 1) * 50, page * 50));
            expect([got.total, got.totalCapped]).toEqual([SEARCH_COUNT_CAP, true]);
          }
        }
      }
    });
  }

  it("a term found in the probe but under the cap is counted exactly", async () => {
    const want = await reference("稀少词条", "archiveNo", "asc", "staff");
    const got = await searchRecords(t.db, ["staff"], { q: "稀少词条", pageSize: 10 });
    expect(got.rows.map((r) => r.archiveNo)).toEqual(want.slice(0, 10));
    expect([got.total, got.totalCapped]).toEqual([want.length, false]);
  });

  it("a rare term returns its matches sorted and counted exactly, 机密 only for those who may see it", async () => {
    for (const roles of ["staff", "manager"] as const) {
      const want = await reference("稀少词条", "formedOn", "asc", roles);
      const got = await searchRecords(t.db, [roles], { q: "稀少词条", sort: "formedOn", dir: "asc", pageSize: 50 });
      expect(got.rows.map((r) => r.archiveNo)).toEqual(want);
      expect([got.total, got.totalCapped]).toEqual([want.length, false]);
    }
    expect((await searchRecords(t.db, ["manager"], { q: "稀少词条" })).total).toBe(RARE);
  });
});

describe("prefix lookups as index ranges", () => {
  const names = ["王", "王小明", "王小", "王尐", "王\u{10FFFF}", "王\u{10FFFF}丽", "玌", "玌一", "玉兰", "狂", "a\u{10FFFF}", "a\u{10FFFF}z", "b", "\u{D7FF}x", "\u{E000}", "\u{10FFFF}", "\u{10FFFF}\u{10FFFF}"];

  beforeAll(async () => {
    await t.db.client.createMany({ data: names.map((name) => ({ kind: "individual" as const, name })) });
  });

  it("finds exactly what LIKE finds, at the code-point edges too", async () => {
    const sorted = (xs: { name: string }[]) => xs.map((c) => c.name).sort();
    for (const p of ["王", "王小", "王\u{10FFFF}", "玌", "a\u{10FFFF}", "a", "\u{D7FF}", "\u{10FFFF}", "\u{10FFFF}\u{10FFFF}", "%", "王_"]) {
      const want = names.filter((n) => n.startsWith(p)).sort();
      // The range alone (no LIKE beside it) must already be exact under the database's collation.
      const { startsWith: _, ...range } = prefixRange(p);
      expect(sorted(await t.db.client.findMany({ where: { name: range }, select: { name: true } }))).toEqual(want);
      expect(sorted(await t.db.client.findMany({ where: { name: prefixRange(p) }, select: { name: true } }))).toEqual(want);
      // Prisma's startsWith does not escape LIKE's wildcards: compare with it only where there are none.
      if (!/[%_]/.test(p)) expect(sorted(await t.db.client.findMany({ where: { name: { startsWith: p } }, select: { name: true } }))).toEqual(want);
    }
  });

  it("serves the header's search by name", async () => {
    const r = await globalSearch(t.db, { id: managerId, roles: ["manager"] }, { q: "王小", limit: 8 });
    expect(r.groups.find((g) => g.kind === "clients")!.hits.map((h) => h.title).sort()).toEqual(["王小", "王小明"]);
  });
});

describe("capped list counts", () => {
  let categoryId: string;
  beforeAll(async () => {
    categoryId = (await t.db.complaintCategory.create({ data: { code: "VQ", name: "容量测试" }, select: { id: true } })).id;
    const at = (i: number) => new Date(Date.UTC(2025, 0, 1, 0, i));
    await t.db.complaint.createMany({
      data: Array.from({ length: LIST_COUNT_CAP + 5 }, (_, i) => ({
        complaintNo: `TS-2025-${String(i + 1).padStart(6, "0")}`,
        year: 2025,
        seq: i + 1,
        channel: i < 3 ? ("letter" as const) : ("phone" as const),
        categoryId,
        status: "closed" as const,
        complainantName: `业主${i}`,
        content: "容量测试",
        receivedAt: at(i),
        receivedById: managerId,
        promisedReplyAt: at(i + 60),
        lastProgressAt: at(i),
      })),
    });
  });

  const who = () => ({ id: managerId, name: "经理", roles: ["manager" as const] });

  it("stops at the cap and says so; counts to the page read on deep pages", async () => {
    const first = await listComplaints(t.db, who(), { pageSize: 50 });
    expect([first.total, first.totalCapped, first.rows.length]).toEqual([LIST_COUNT_CAP, true, 50]);
    expect(first.rows[0]!.complaintNo).toBe(`TS-2025-${String(LIST_COUNT_CAP + 5).padStart(6, "0")}`);
    const deep = await listComplaints(t.db, who(), { pageSize: 50, page: 21 });
    expect([deep.total, deep.totalCapped, deep.rows.length]).toEqual([LIST_COUNT_CAP + 5, false, 5]);
  });

  it("counts exactly below the cap", async () => {
    const letters = await listComplaints(t.db, who(), { channel: "letter" });
    expect([letters.total, letters.totalCapped]).toEqual([3, false]);
  });
});

describe("审计日志 filters", () => {
  beforeAll(async () => {
    const actors = [{ id: null, name: "王小明" }, { id: null, name: "李王芳" }, { id: null, name: "system" }];
    for (let i = 0; i < 30; i++) {
      const a = actors[i % 3]!;
      await inTransaction(t.db, (tx) => writeAudit(tx, a, { action: `vq.${["create", "update", "delete"][i % 3]}${i % 2 ? "" : ".bulk"}`, entity: ["VqA", "VqB"][i % 2]!, entityId: `e${i % 4}` }));
    }
  });

  it("lists every distinct action and entity, in the database's order", async () => {
    const rows = await t.db.auditLog.findMany({ select: { action: true, entity: true } });
    const f = await auditFacets(t.db);
    const order = (xs: string[]) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(f.actions).toEqual(order(rows.map((r) => r.action)));
    expect(f.entities).toEqual(order(rows.map((r) => r.entity)));
  });

  it("matches the actor anywhere in the name, the action by prefix, and nothing for an unknown name", async () => {
    const all = await t.db.auditLog.findMany({ orderBy: { id: "desc" }, select: { id: true, actorName: true, action: true } });
    const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id);
    expect(ids(await listAudit(t.db, { actor: "王", pageSize: 200 }))).toEqual(all.filter((r) => r.actorName.includes("王")).map((r) => r.id.toString()));
    expect(ids(await listAudit(t.db, { action: "vq.update", pageSize: 200 }))).toEqual(all.filter((r) => r.action.startsWith("vq.update")).map((r) => r.id.toString()));
    expect(await listAudit(t.db, { actor: "没有这个人", pageSize: 50 })).toEqual({ rows: [], nextCursor: null });
  });
});

describe("档案分类 record counts from the monthly tally", () => {
  it("equal a full count of the records of each class", async () => {
    const { listClasses } = await import("../../server/domain/archive/classes.service");
    const listed = await listClasses(t.db);
    const counted = await t.db.archiveRecord.groupBy({ by: ["classId"], _count: { _all: true } });
    const want = new Map(counted.map((c) => [c.classId, c._count._all]));
    expect(listed.find((c) => c.id === classId)?.recordCount).toBe(FREQUENT + RARE + 40);
    for (const c of listed) expect(c.recordCount).toBe(want.get(c.id) ?? 0);
  });
});
