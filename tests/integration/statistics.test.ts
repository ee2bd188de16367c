import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord, type NewArchiveRecord } from "../../server/domain/archive/record-insert";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { shanghaiDay } from "../../server/domain/time";
import { archiveStatsTable, loanStatsTable, tableCsv, tableXlsx } from "../../server/domain/statistics/statistics.export";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 借阅统计 and 档案完整率统计 (issue 9 §3) on data made here, with answers worked out by hand:
// loans moved to fixed instants in 2025 (Shanghai months), client files with known checklists.
const t = useTestDatabase();
let staff: Caller, manager: Caller, archivist: Caller, supervisor: Caller, auditor: Caller;
let archivistId: string;
let loanClass: string, otherClass: string, clientClass: string;
let p1: string, p2: string, b1: string, b2: string;
let n = 0;

const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const inDays = (d: number) => addCalendarDays(shanghaiDay(new Date()), d);

async function record(input: Partial<NewArchiveRecord> & { classId: string }) {
  return inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivistId, name: "test" }, { title: `统计测试档案${++n}`, formedOn: "2024-05-01", confidentiality: "internal", cabinet: "A", shelf: "1", box: String(n), ...input }));
}

/** A slip lent through the procedures, then moved to the given instants (the months under test). */
async function loan(recordIds: string[], borrowType: "reading" | "copy" | "takeaway", at: { lentAt: string; dueOn: string; returnedAt?: string }) {
  const req = await staff.borrowing.requests.create({ recordIds, borrowType, purpose: "统计测试", dueOn: inDays(5) });
  await manager.borrowing.requests.approve({ requestId: req.id });
  await archivist.borrowing.loans.lend({ requestId: req.id });
  if (at.returnedAt) {
    const items = await t.db.borrowItem.findMany({ where: { requestId: req.id }, select: { id: true } });
    await archivist.borrowing.loans.return({ requestId: req.id, items: items.map((i) => ({ itemId: i.id, check: "complete" as const })) });
  }
  await t.db.borrowRequest.update({
    where: { id: req.id },
    data: { lentAt: sh(at.lentAt), dueOn: new Date(`${at.dueOn}T00:00:00.000Z`), ...(at.returnedAt ? { returnedAt: sh(at.returnedAt) } : {}) },
  });
  return req;
}

beforeAll(async () => {
  staff = (await signedInAs(t.db, ["staff"])).caller;
  manager = (await signedInAs(t.db, ["manager"])).caller;
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  archivistId = a.user.id;
  supervisor = (await signedInAs(t.db, ["supervisor"])).caller;
  auditor = (await signedInAs(t.db, ["auditor"])).caller;
  loanClass = (await t.db.archiveClass.create({ data: { code: "TJA", name: "工程档案", retentionYears: 30 } })).id;
  otherClass = (await t.db.archiveClass.create({ data: { code: "TJB", name: "合同档案", retentionYears: 30 } })).id;
  clientClass = (await t.db.archiveClass.create({ data: { code: "TJK", name: "客户档案", retentionYears: 30, isClientFile: true } })).id;
  await t.db.checklistItem.createMany({
    data: [
      { classId: clientClass, name: "购房合同", requiredCount: 1, sortOrder: 1 },
      { classId: clientClass, name: "身份证复印件", requiredCount: 2, sortOrder: 2 },
      { classId: clientClass, name: "交房验收单", requiredCount: 1, sortOrder: 3 },
    ],
  });
  p1 = (await t.db.project.create({ data: { code: "TJ1", name: "滨江花园" } })).id;
  p2 = (await t.db.project.create({ data: { code: "TJ2", name: "翠湖苑" } })).id;
  b1 = (await t.db.building.create({ data: { projectId: p1, code: "1", name: "1号楼", sortOrder: 1 } })).id;
  b2 = (await t.db.building.create({ data: { projectId: p1, code: "2", name: "2号楼", sortOrder: 2 } })).id;
});

describe("loan statistics", () => {
  beforeAll(async () => {
    const r1 = await record({ classId: loanClass, projectId: p1 });
    const r2 = await record({ classId: otherClass, projectId: p1 });
    const r3 = await record({ classId: loanClass, projectId: p2 });
    const r4 = await record({ classId: otherClass, projectId: p2 });
    // March 2025: lent, back on time after 3 days.
    await loan([r1.id], "takeaway", { lentAt: "2025-03-02 10:00", dueOn: "2025-03-09", returnedAt: "2025-03-05 10:00" });
    // 23:30 on 31 March Shanghai is a March loan (UTC says 31 March 15:30 — both March; the due
    // day is in April and it came back late, after 9.5 days); two records of two classes.
    await loan([r2.id, r3.id], "copy", { lentAt: "2025-03-31 23:30", dueOn: "2025-04-07", returnedAt: "2025-04-10 11:30" });
    // April: still out, long overdue.
    await loan([r4.id], "reading", { lentAt: "2025-04-01 00:10", dueOn: "2025-04-15" });
  });

  it("counts per Shanghai month, by type and class, with the average days out and the overdue rate", async () => {
    const s = await archivist.statistics.loans({ from: "2025-03", to: "2025-04" });
    expect(s.byMonth).toEqual([
      { month: "2025-03", lent: 2, returned: 1, overdue: 0 },
      { month: "2025-04", lent: 1, returned: 1, overdue: 2 },
    ]);
    expect(s.byType.map((x) => [x.name, x.count])).toEqual([["copy", 1], ["reading", 1], ["takeaway", 1]]);
    expect(s.byClass).toEqual([{ name: "工程档案", count: 2 }, { name: "合同档案", count: 2 }].sort((a, b) => a.name.localeCompare(b.name)));
    expect(s.averageDaysOut).toBe("6.3"); // (3 + 9.5) / 2 = 6.25 → 6.3
    expect(s.overdueRate).toEqual({ num: 2, den: 3, percent: "66.7" });
  });

  it("narrows to one project: its loans and only its records' classes", async () => {
    const s = await manager.statistics.loans({ from: "2025-03", to: "2025-04", projectId: p2 });
    expect(s.lent).toBe(2); // the copy (r3 is in 翠湖苑) and the reading
    expect(s.byClass.map((x) => [x.name, x.count])).toEqual([["工程档案", 1], ["合同档案", 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect((await manager.statistics.loans({ from: "2025-05", to: "2025-05" })).lent).toBe(0);
  });

  it("is for the register's readers; staff are refused and a bad period changes nothing", async () => {
    expect((await auditor.statistics.loans({ from: "2025-03", to: "2025-03" })).lent).toBe(2);
    expect((await refusalOf(staff.statistics.loans({ from: "2025-03", to: "2025-03" }))).code).toBe("FORBIDDEN");
    const bad = await refusalOf(archivist.statistics.loans({ from: "2025-04", to: "2025-03" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors?.to).toBe("结束日期不能早于开始日期");
    expect((await refusalOf(archivist.statistics.loans({ from: "2025-13", to: "2025-13" }))).fieldErrors?.from).toBe("月份格式应为 2026-01");
    expect((await refusalOf(archivist.statistics.loans({ from: "2015-01", to: "2025-01" }))).fieldErrors?.from).toBe("统计期间最长 60 个月");
  });

  it("exports the same figures as CSV and XLSX", async () => {
    const s = await archivist.statistics.loans({ from: "2025-03", to: "2025-04" });
    const table = loanStatsTable(s, "zh-CN");
    const csv = tableCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("2025-04,1,1,2");
    expect(csv).toContain("逾期率,66.7% (2/3)");
    expect(csv).toContain("复印,1");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableXlsx(table, "借阅统计")) as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(["2025-03", 2, 1, 0]);
  });
});

describe("archive completeness statistics", () => {
  beforeAll(async () => {
    const full = [
      { name: "购房合同", count: 1 },
      { name: "身份证复印件", count: 2 },
      { name: "交房验收单", count: 1 },
    ];
    await record({ classId: clientClass, buildingId: b1, paperItems: full });
    await record({ classId: clientClass, buildingId: b1, paperItems: [{ name: "身份证复印件", count: 1 }] }); // short ID, no contract, no acceptance
    await record({ classId: clientClass, buildingId: b2, paperItems: [{ name: "身份证复印件", count: 2 }, { name: "交房验收单", count: 1 }] }); // no contract
    await record({ classId: clientClass, projectId: p2, paperItems: full });
    // 机密: only the archive room and the manager see it (and count it).
    await record({ classId: clientClass, projectId: p2, confidentiality: "secret", paperItems: [] });
    // Records added: two in May 2025, one in June (moved to those instants).
    const may = await record({ classId: loanClass, projectId: p1 });
    const may2 = await record({ classId: otherClass, projectId: p2 });
    const june = await record({ classId: loanClass, projectId: p1 });
    await t.db.archiveRecord.update({ where: { id: may.id }, data: { createdAt: sh("2025-05-31 23:30") } });
    await t.db.archiveRecord.update({ where: { id: may2.id }, data: { createdAt: sh("2025-05-02 09:00") } });
    await t.db.archiveRecord.update({ where: { id: june.id }, data: { createdAt: sh("2025-06-01 00:10") } });
  });

  it("counts complete and incomplete client files per project and building, and the items most missing", async () => {
    const s = await supervisor.statistics.archive({ from: "2025-05", to: "2025-06" });
    expect(s.byPlace.map((p) => [p.project, p.building, p.complete, p.incomplete])).toEqual([
      ["滨江花园", "1号楼", 1, 1],
      ["滨江花园", "2号楼", 0, 1],
      ["翠湖苑", null, 1, 0],
    ]);
    expect([s.clientFiles, s.complete, s.completeRate.percent]).toEqual([4, 2, "50.0"]);
    expect(s.missingTop).toEqual([
      { name: "购房合同", count: 2 },
      { name: "交房验收单", count: 1 },
      { name: "身份证复印件", count: 1 },
    ]);
  });

  it("counts the 机密 file only for those who may see it", async () => {
    const s = await archivist.statistics.archive({ from: "2025-05", to: "2025-06" });
    expect([s.clientFiles, s.incomplete]).toEqual([5, 3]);
    expect(s.missingTop[0]).toEqual({ name: "购房合同", count: 3 });
  });

  it("counts records added per Shanghai month and class, narrowed by project", async () => {
    const s = await manager.statistics.archive({ from: "2025-05", to: "2025-06" });
    expect(s.addedByMonth).toEqual([
      { month: "2025-05", counts: { 工程档案: 1, 合同档案: 1 }, total: 2 },
      { month: "2025-06", counts: { 工程档案: 1, 合同档案: 0 }, total: 1 },
    ]);
    const only = await manager.statistics.archive({ from: "2025-05", to: "2025-06", projectId: p1 });
    expect(only.added).toBe(2);
    expect(only.byPlace.map((p) => p.project)).toEqual(["滨江花园", "滨江花园"]);
    const csv = tableCsv(archiveStatsTable(s, "zh-CN"));
    expect(csv).toContain("滨江花园,1号楼,1,1,50.0% (1/2)");
    expect(csv).toContain("2025-05,1,1,2");
  });

  it("is for the archive room and the leads only", async () => {
    expect((await refusalOf(staff.statistics.archive({ from: "2025-05", to: "2025-06" }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(auditor.statistics.archive({ from: "2025-05", to: "2025-06" }))).code).toBe("FORBIDDEN");
  });
});
