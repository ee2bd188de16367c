import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/auth/roles";
import type { Db } from "../../server/db/client";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord, type NewArchiveRecord } from "../../server/domain/archive/record-insert";
import { updatePaperItems } from "../../server/domain/archive/records.service";
import { createChecklistItem, updateChecklistItem, updateClass } from "../../server/domain/archive/classes.service";
import { listClientFiles } from "../../server/domain/archive/client-files.service";
import { clientFileCompletenessCounts } from "../../server/domain/statistics/client-file-counts";
import { archiveStatistics } from "../../server/domain/statistics/statistics.service";
import { expectedTallies, keptMonths, keptStates, keptTallies, recountClientFiles, recountMonths, shelved, statesOf, statisticsOf } from "./client-file-recount";
import { signedInAs, useTestDatabase } from "./helpers";

// 客户档案完整性 is kept by triggers (ClientFileState and its tallies, ArchiveMonthTally). After
// every kind of write — and after writers racing on one file — what they hold, and what the three
// readers (the 客户档案 list, the 档案统计 page, the 工作台 figure) answer, must equal a full
// recount with checkCompleteness(), for a reader of 机密 and for one who may not see it.
const t = useTestDatabase();
const actor = { id: null, name: "test" };
let classId: string, bareId: string, otherId: string;
let p1: string, p2: string, b1: string, b2: string, b3: string, u1: string, u2: string, u3: string;
let person: string, company: string;
let n = 0;

const file = (input: Partial<NewArchiveRecord>) =>
  inTransaction(t.db, (tx) => insertArchiveRecord(tx, actor, { classId, title: `汇总测试档案${++n}`, formedOn: "2024-05-01", confidentiality: "internal", ...input }));

const ROLES: Role[][] = [["manager"], ["supervisor"]];

async function listAll(roles: Role[], filter: { projectId?: string; buildingId?: string; incompleteOnly?: boolean }) {
  const out: { id: string; percent: number; missing: string[] }[] = [];
  let total = -1;
  for (let page = 1; page < 100; page++) {
    const r = await listClientFiles(t.db, roles, { page, pageSize: 3, incompleteOnly: false, ...filter });
    total = r.total;
    out.push(...r.rows.map((x) => ({ id: x.id, percent: x.percent, missing: x.missing })));
    if (r.rows.length < 3) break;
  }
  return { total, rows: out };
}

/** Summary, tallies and every reader against the recount. */
async function expectRecount() {
  const files = await recountClientFiles(t.db);
  expect(await keptStates(t.db)).toEqual(statesOf(files));
  expect(await keptTallies(t.db)).toEqual(expectedTallies(files));
  expect(await keptMonths(t.db)).toEqual(await recountMonths(t.db));
  for (const roles of ROLES) {
    const all = shelved(files, roles);
    expect(await clientFileCompletenessCounts(t.db, roles)).toEqual({ files: all.length, complete: all.filter((f) => f.percent === 100).length });
    for (const filter of [{}, { incompleteOnly: true }, { projectId: p1 }, { projectId: p1, incompleteOnly: true }, { buildingId: b1 }, { buildingId: b2, incompleteOnly: true }]) {
      const want = shelved(files, roles, filter);
      expect(await listAll(roles, filter), JSON.stringify({ roles, filter })).toEqual({ total: want.length, rows: want });
    }
    for (const projectId of [undefined, p1]) {
      const s = await archiveStatistics(t.db, roles, { from: "2025-01", to: "2029-12", projectId });
      expect({ clientFiles: s.clientFiles, complete: s.complete, incomplete: s.incomplete, byPlace: s.byPlace, missingTop: s.missingTop }).toEqual(statisticsOf(files, roles, projectId));
    }
  }
  return files;
}

beforeAll(async () => {
  await signedInAs(t.db, ["admin"]);
  classId = (await t.db.archiveClass.create({ data: { code: "HZK", name: "汇总客户档案", retentionYears: 30, isClientFile: true } })).id;
  bareId = (await t.db.archiveClass.create({ data: { code: "HZB", name: "汇总无清单档案", retentionYears: 30, isClientFile: true } })).id;
  otherId = (await t.db.archiveClass.create({ data: { code: "HZQ", name: "汇总其他档案", retentionYears: 30 } })).id;
  await t.db.checklistItem.createMany({
    data: [
      { classId, name: "身份证复印件", requiredCount: 2, sortOrder: 1 },
      { classId, name: "购房合同", requiredCount: 1, sortOrder: 2 },
      { classId, name: "户口本", requiredCount: 1, condition: "individual", sortOrder: 3 },
      { classId, name: "营业执照", requiredCount: 1, condition: "company", sortOrder: 4 },
      { classId, name: "监护人证明", requiredCount: 1, condition: "minor", sortOrder: 5 },
      { classId, name: "旧版登记表", requiredCount: 1, isActive: false, sortOrder: 6 },
    ],
  });
  p1 = (await t.db.project.create({ data: { code: "HZ2", name: "汇总花园" } })).id;
  p2 = (await t.db.project.create({ data: { code: "HZ1", name: "汇总名苑" } })).id;
  b1 = (await t.db.building.create({ data: { projectId: p1, code: "1", name: "1号楼", sortOrder: 2 } })).id;
  b2 = (await t.db.building.create({ data: { projectId: p1, code: "2", name: "2号楼", sortOrder: 1 } })).id;
  b3 = (await t.db.building.create({ data: { projectId: p2, code: "1", name: "1号楼", sortOrder: 1 } })).id;
  u1 = (await t.db.unit.create({ data: { buildingId: b1, number: "101", floor: 1 } })).id;
  u2 = (await t.db.unit.create({ data: { buildingId: b1, number: "201", floor: 2 } })).id;
  u3 = (await t.db.unit.create({ data: { buildingId: b2, number: "102", floor: null } })).id;
  person = (await t.db.client.create({ data: { kind: "individual", name: "汇总业主" } })).id;
  company = (await t.db.client.create({ data: { kind: "company", name: "汇总公司" } })).id;
});

const id2 = { name: "身份证复印件", count: 2 };
const contract = { name: "购房合同", count: 1 };
const hukou = { name: "户口本", count: 1 };

describe("the kept client-file summary equals a full recount", () => {
  let ids: string[] = [];

  it("after records are created (places, kinds, flags, 机密, no checklist, not a client file)", async () => {
    ids = [
      (await file({ unitId: u1, clientId: person, paperItems: [id2, contract, hukou] })).id, // complete
      (await file({ unitId: u2, clientId: person, paperItems: [{ name: " 身份证复印件", count: 1 }, { name: "身份证复印件\u3000", count: 1 }, contract, hukou] })).id, // complete (trimmed names add up)
      (await file({ unitId: u2, clientId: person, paperItems: [{ name: "身份证复印件", count: 1 }, contract, hukou] })).id, // short
      (await file({ unitId: u3, clientId: company, paperItems: [id2, contract, hukou] })).id, // no 营业执照
      (await file({ buildingId: b2, clientId: company, paperItems: [id2, contract, { name: "营业执照", count: 1 }] })).id, // complete
      (await file({ projectId: p2, paperItems: [id2, contract] })).id, // no client → complete
      (await file({ buildingId: b3, clientId: person, conditions: ["minor"], paperItems: [id2, contract, hukou] })).id, // no 监护人证明
      (await file({ clientId: person, conditions: ["co_owner"], paperItems: [id2, contract, hukou] })).id, // no place, complete
      (await file({ unitId: u1, clientId: person, confidentiality: "secret", paperItems: [id2, contract, hukou] })).id, // 机密, complete
      (await file({ unitId: u1, clientId: person, confidentiality: "secret" })).id, // 机密, nothing
      (await file({ classId: bareId, unitId: u2 })).id, // no checklist → complete
    ];
    await file({ classId: otherId, unitId: u1 }); // not a client file
    const files = await expectRecount();
    expect([files.length, files.filter((f) => f.complete).length]).toEqual([11, 7]);
  });

  it("after paper items are edited, added and removed", async () => {
    await updatePaperItems(t.db, actor, { recordId: ids[2]!, items: [id2, contract, hukou] }); // now complete
    await updatePaperItems(t.db, actor, { recordId: ids[0]!, items: [contract, hukou] }); // now short
    await t.db.archivePaperItem.create({ data: { recordId: ids[9]!, name: "购房合同", count: 1 } });
    await t.db.archivePaperItem.updateMany({ where: { recordId: ids[3]! }, data: { count: 5 } });
    await t.db.archivePaperItem.deleteMany({ where: { recordId: ids[4]!, name: "营业执照" } });
    await expectRecount();
  });

  it("after a file moves, changes visibility, flags or client, and after a client's kind changes", async () => {
    await t.db.archiveRecord.update({ where: { id: ids[5]! }, data: { projectId: p1, buildingId: b1, unitId: u1 } });
    await t.db.archiveRecord.update({ where: { id: ids[1]! }, data: { confidentiality: "secret" } });
    await t.db.archiveRecord.update({ where: { id: ids[8]! }, data: { confidentiality: "public" } });
    await t.db.archiveRecord.update({ where: { id: ids[7]! }, data: { conditions: ["minor", "co_owner"] } });
    await t.db.archiveRecord.update({ where: { id: ids[6]! }, data: { clientId: company } });
    await t.db.archiveRecord.update({ where: { id: ids[10]! }, data: { classId, seq: 10_000 } }); // into the checklist's class
    await t.db.client.update({ where: { id: company }, data: { kind: "individual" } });
    await expectRecount();
    await t.db.client.update({ where: { id: company }, data: { kind: "company" } });
    await expectRecount();
  });

  it("after status changes (lent, destroyed), which change no figure", async () => {
    const before = await keptStates(t.db);
    await t.db.archiveRecord.updateMany({ where: { id: { in: [ids[0]!, ids[1]!] } }, data: { status: "lent" } });
    await t.db.archiveRecord.update({ where: { id: ids[2]! }, data: { status: "destroyed" } });
    expect(await keptStates(t.db)).toEqual(before);
    await expectRecount();
  });

  it("after the checklist changes: an item added, made stricter, moved to a condition, retired, deleted", async () => {
    const item = await createChecklistItem(t.db, actor, { classId, name: "授权委托书", requiredCount: 1, condition: "co_owner", sortOrder: 0 });
    await expectRecount();
    const contractItem = await t.db.checklistItem.findUniqueOrThrow({ where: { classId_name: { classId, name: "购房合同" } } });
    await updateChecklistItem(t.db, actor, { itemId: contractItem.id, name: "购房合同", requiredCount: 2, condition: null, sortOrder: 2, isActive: true });
    await expectRecount();
    await updateChecklistItem(t.db, actor, { itemId: contractItem.id, name: "购房合同", requiredCount: 1, condition: "company", sortOrder: 9, isActive: true });
    await expectRecount();
    await updateChecklistItem(t.db, actor, { itemId: item.id, name: "授权委托书", requiredCount: 1, condition: "co_owner", sortOrder: 0, isActive: false });
    await t.db.checklistItem.update({ where: { id: item.id }, data: { isActive: true } });
    await t.db.checklistItem.delete({ where: { id: item.id } });
    await expectRecount();
  });

  it("after a class stops and starts being a client-file class", async () => {
    const cls = await t.db.archiveClass.findUniqueOrThrow({ where: { id: classId } });
    const input = { classId, name: cls.name, retention: "custom" as const, customYears: 30, isClientFile: false, sortOrder: 0, isActive: true };
    await updateClass(t.db, actor, input);
    const files = await expectRecount();
    expect(files.every((f) => f.classId !== classId)).toBe(true);
    await updateClass(t.db, actor, { ...input, isClientFile: true });
    await expectRecount();
  });

  it("after a project's code, a building's order or a unit's floor and number change (the shelving order)", async () => {
    await t.db.project.update({ where: { id: p1 }, data: { code: "HZ0" } });
    await t.db.building.update({ where: { id: b1 }, data: { sortOrder: 0 } });
    await t.db.unit.update({ where: { id: u2 }, data: { floor: 0, number: "001" } });
    await expectRecount();
  });

  it("after a record's creation time is corrected across a Shanghai month end, and after records are deleted", async () => {
    // 00:10 on 1 April in Shanghai is still 31 March in UTC: an April record.
    await t.db.archiveRecord.update({ where: { id: ids[3]! }, data: { createdAt: new Date("2026-03-31T16:10:00Z") } });
    await expectRecount();
    expect(await t.db.archiveMonthTally.findFirst({ where: { month: "2026-04", records: { gt: 0 } }, select: { records: true } })).toEqual({ records: 1 });
    await t.db.archivePaperItem.deleteMany({ where: { recordId: ids[4]! } });
    await t.db.archiveRecord.delete({ where: { id: ids[4]! } });
    await expectRecount();
  });
});

describe("the migration's backfill", () => {
  it("rebuilds, from the records alone, the summary the triggers kept", async () => {
    const states = await keptStates(t.db);
    expect(states.length).toBeGreaterThan(5);
    const kept = [states, await keptTallies(t.db), await keptMonths(t.db)];
    const sql = fs.readFileSync(path.join(__dirname, "../../prisma/migrations/20261202061953_client_file_summary/migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf("-- Backfill:")).split(/;\s*\n/).map((q) => q.replace(/^--.*$/gm, "").trim()).filter(Boolean);
    expect(backfill).toHaveLength(2);
    // As the migration runs it: the owner (the portal's role may not TRUNCATE).
    await t.asOwner((owner) =>
      owner.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('TRUNCATE "ClientFileState", "ClientFileTally", "ClientFileMissingTally", "ArchiveMonthTally"');
        for (const q of backfill) await tx.$executeRawUnsafe(q);
      }),
    );
    expect([await keptStates(t.db), await keptTallies(t.db), await keptMonths(t.db)]).toEqual(kept);
    await expectRecount();
  });
});

/** Runs a and b in two READ COMMITTED transactions, b started while a holds its writes uncommitted. */
async function race(a: (tx: Tx) => Promise<unknown>, b: (tx: Tx) => Promise<unknown>) {
  if (t.kind !== "postgres") {
    // PGlite has one connection: the two run one after the other, in both orders over the tries.
    await Promise.all([t.db.$transaction(a), t.db.$transaction(b)]);
    return;
  }
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let wrote!: () => void;
  const aWrote = new Promise<void>((r) => (wrote = r));
  const pa = t.db.$transaction(async (tx) => {
    await a(tx);
    wrote();
    await held;
  }, { timeout: 60_000 });
  await aWrote;
  const pb = t.db.$transaction(b, { timeout: 60_000 });
  // b must reach a's locks before a commits; otherwise the race was not run (it would pass by luck).
  let waited = false;
  for (let i = 0; i < 600 && !waited; i++) {
    // As the owner: the portal's role does not see the wait events of the test login's sessions.
    const [row] = await t.asOwner((owner) => owner.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    waited = (row?.n ?? 0) > 0;
    if (!waited) await new Promise((r) => setTimeout(r, 50));
  }
  release();
  await Promise.all([pa, pb]);
  expect(waited, "the second writer waited for the first one's lock").toBe(true);
}
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

describe("concurrent writers of one client file", () => {
  it("two writers add the missing paper items of one file at once → the file is complete", { timeout: 120_000 }, async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await file({ unitId: u1, clientId: person, paperItems: [hukou] });
      await race(
        (tx) => tx.archivePaperItem.create({ data: { recordId: id, ...id2 } }),
        (tx) => tx.archivePaperItem.create({ data: { recordId: id, ...contract } }),
      );
      const files = await expectRecount();
      expect(files.find((f) => f.recordId === id)).toMatchObject({ complete: true, percent: 100 });
    }
  });

  it("a checklist item added while a file of its class gets paper items; a file made 机密 while it gets paper items", { timeout: 120_000 }, async () => {
    for (let i = 0; i < 2; i++) {
      const earlier = Array.from({ length: i }, (_, j) => ({ name: `并发新增材料${j}`, count: 1 }));
      const { id } = await file({ unitId: u2, clientId: person, paperItems: [id2, contract, ...earlier] });
      await race(
        (tx) => tx.checklistItem.create({ data: { classId, name: `并发新增材料${i}`, requiredCount: 1 } }),
        (tx) => tx.archivePaperItem.create({ data: { recordId: id, name: `并发新增材料${i}`, count: 1 } }),
      );
      await expectRecount();
      await race(
        (tx) => tx.archivePaperItem.create({ data: { recordId: id, ...hukou } }),
        (tx) => tx.archiveRecord.update({ where: { id }, data: { confidentiality: "secret" } }),
      );
      const files = await expectRecount();
      expect(files.find((f) => f.recordId === id)).toMatchObject({ isSecret: true, complete: true });
    }
  });

  it("the services' serializable writers racing on one file end consistent (a lost race is retried)", { timeout: 120_000 }, async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await file({ unitId: u1, clientId: person });
      await Promise.all([
        updatePaperItems(t.db, actor, { recordId: id, items: [id2, contract] }),
        inTransaction(t.db, (tx) => tx.archivePaperItem.create({ data: { recordId: id, ...hukou } })),
        file({ unitId: u1, clientId: person, paperItems: [id2, contract, hukou] }),
      ]);
      await expectRecount();
    }
  });
});
