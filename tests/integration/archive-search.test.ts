import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord, type NewArchiveRecord } from "../../server/domain/archive/record-insert";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 档案检索 and 查看完整个人信息 (issue 4 items 6 and 7).
const t = useTestDatabase();
let staff: Caller;
let archivist: Caller;
let manager: Caller;
let auditor: Caller;
let archivistId: string;
let kh: string;
let nb: string;
let projectId: string;
let buildingId: string;
const ID = "110101199003071234";
const PHONE = "13812345678";
let clientId: string;
const recs: Record<string, { id: string; archiveNo: string }> = {};

async function add(key: string, input: Omit<NewArchiveRecord, "confidentiality"> & { confidentiality?: NewArchiveRecord["confidentiality"] }) {
  recs[key] = await inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivistId, name: "test" }, { confidentiality: "internal", ...input }));
}

beforeAll(async () => {
  staff = (await signedInAs(t.db, ["staff"])).caller;
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  archivistId = a.user.id;
  manager = (await signedInAs(t.db, ["manager"])).caller;
  auditor = (await signedInAs(t.db, ["auditor"])).caller;
  kh = (await t.db.archiveClass.create({ data: { code: "KH", name: "客户信息档案", retentionYears: null, isClientFile: true }, select: { id: true } })).id;
  nb = (await t.db.archiveClass.create({ data: { code: "NB", name: "部门内部档案", retentionYears: 10 }, select: { id: true } })).id;
  projectId = (await t.db.project.create({ data: { code: "HJ", name: "华景花园" }, select: { id: true } })).id;
  buildingId = (await t.db.building.create({ data: { projectId, code: "1", name: "1栋" }, select: { id: true } })).id;
  const unitId = (await t.db.unit.create({ data: { buildingId, number: "0101", floor: 1 }, select: { id: true } })).id;
  clientId = (await t.db.client.create({ data: { kind: "individual", name: "欧阳明珠", idNumber: ID, phone: PHONE }, select: { id: true } })).id;
  const other = (await t.db.client.create({ data: { kind: "individual", name: "李四", idNumber: "440101198001011111" }, select: { id: true } })).id;

  await add("client", { classId: kh, title: "客户信息档案 欧阳明珠", formedOn: "2026-03-02", unitId, clientId });
  await add("other", { classId: kh, title: "客户信息档案 李四", formedOn: "2025-06-01", clientId: other, projectId });
  await add("meeting", { classId: nb, title: "2013 年第三季度会议记录", formedOn: "2013-09-30" });
  await add("secret", { classId: nb, title: "机密会议纪要 明珠项目", formedOn: "2024-01-15", confidentiality: "secret" });
  for (let i = 0; i < 12; i++) await add(`plan${i}`, { classId: nb, title: `周工作计划 第${i + 1}周`, formedOn: `2025-0${(i % 9) + 1}-10` });
});

const nos = (r: { rows: { archiveNo: string }[] }) => r.rows.map((x) => x.archiveNo);

describe("archive.search.records", () => {
  it("finds a 2-character Chinese substring of a client name and of a title", async () => {
    expect(nos(await staff.archive.search.records({ q: "明珠" }))).toEqual([recs.client!.archiveNo]);
    expect(nos(await staff.archive.search.records({ q: "阳明" }))).toEqual([recs.client!.archiveNo]);
    expect(nos(await staff.archive.search.records({ q: "会议" }))).toEqual([recs.meeting!.archiveNo]);
    expect(nos(await staff.archive.search.records({ q: "季" }))).toEqual([recs.meeting!.archiveNo]);
  });

  it("finds by a part of the 档号 and by project/building/unit text", async () => {
    const no = recs.meeting!.archiveNo; // NB-2013-000001
    expect(nos(await staff.archive.search.records({ q: "nb-2013" }))).toEqual([no]);
    expect(nos(await staff.archive.search.records({ q: no.slice(-6) }))).toContain(no);
    expect(nos(await staff.archive.search.records({ q: "华景 1栋 0101" }))).toEqual([]); // not adjacent in the text
    expect(nos(await staff.archive.search.records({ q: "华景花园" }))).toEqual([recs.client!.archiveNo, recs.other!.archiveNo].sort());
  });

  it("finds by an exact ID number or phone, never by a part of one, and shows the ID masked", async () => {
    const byId = await staff.archive.search.records({ q: ID });
    expect(nos(byId)).toEqual([recs.client!.archiveNo]);
    expect(byId.rows[0]!.client).toEqual({ id: clientId, name: "欧阳明珠", masked: "1101**********1234" });
    expect(JSON.stringify(byId)).not.toContain(ID);
    expect(nos(await staff.archive.search.records({ q: PHONE }))).toEqual([recs.client!.archiveNo]);
    for (const part of [ID.slice(0, 10), ID.slice(-4), ID.slice(0, 17), PHONE.slice(0, 7), "1101"]) {
      expect(nos(await staff.archive.search.records({ q: part })), part).toEqual([]);
    }
  });

  it("never returns 机密 records to staff; the archivist and manager see them", async () => {
    expect(nos(await staff.archive.search.records({ q: "机密" }))).toEqual([]);
    expect(nos(await staff.archive.search.records({ confidentiality: "secret" }))).toEqual([]);
    expect(nos(await staff.archive.search.records({ pageSize: 200 }))).not.toContain(recs.secret!.archiveNo);
    expect(nos(await archivist.archive.search.records({ q: "机密" }))).toEqual([recs.secret!.archiveNo]);
    expect(nos(await manager.archive.search.records({ q: "明珠" })).sort()).toEqual([recs.client!.archiveNo, recs.secret!.archiveNo].sort());
    expect((await refusalOf(auditor.archive.search.records({}))).code).toBe("FORBIDDEN");
  });

  it("filters by class, status, project, building, unit, formed days and retention", async () => {
    expect((await staff.archive.search.records({ classId: kh })).total).toBe(2);
    expect(nos(await staff.archive.search.records({ buildingId }))).toEqual([recs.client!.archiveNo]);
    expect(nos(await staff.archive.search.records({ unit: "0101" }))).toEqual([recs.client!.archiveNo]);
    expect((await staff.archive.search.records({ projectId })).total).toBe(2);
    expect(nos(await staff.archive.search.records({ formedFrom: "2026-03-02", formedTo: "2026-03-02" }))).toEqual([recs.client!.archiveNo]);
    expect(nos(await staff.archive.search.records({ formedFrom: "2013-01-01", formedTo: "2013-12-31" }))).toEqual([recs.meeting!.archiveNo]);
    expect(nos(await staff.archive.search.records({ retention: "expired" }))).toEqual([recs.meeting!.archiveNo]);
    expect((await staff.archive.search.records({ status: "lent" })).total).toBe(0);
    await t.db.archiveRecord.update({ where: { id: recs.meeting!.id }, data: { status: "lent" } });
    expect(nos(await staff.archive.search.records({ status: "lent" }))).toEqual([recs.meeting!.archiveNo]);
    await t.db.archiveRecord.update({ where: { id: recs.meeting!.id }, data: { status: "in_store" } });
  });

  it("sorts and pages with a capped count", async () => {
    const all = await staff.archive.search.records({ classId: nb, sort: "formedOn", dir: "desc", pageSize: 5 });
    expect(all.total).toBe(13);
    expect(all.totalCapped).toBe(false);
    expect(all.rows).toHaveLength(5);
    const days = all.rows.map((r) => r.formedOn);
    expect(days).toEqual([...days].sort().reverse());
    const page3 = await staff.archive.search.records({ classId: nb, sort: "formedOn", dir: "desc", pageSize: 5, page: 3 });
    expect(page3.rows).toHaveLength(3);
    const seen = new Set<string>();
    for (let p = 1; p <= 3; p++) for (const r of (await staff.archive.search.records({ classId: nb, sort: "archiveNo", pageSize: 5, page: p })).rows) seen.add(r.id);
    expect(seen.size).toBe(13);
  });

  it("refuses a bad date with the field's message", async () => {
    const r = await refusalOf(staff.archive.search.records({ formedFrom: "2026/01/01" }));
    expect(r.fieldErrors).toEqual({ formedFrom: "日期格式应为 2026-01-31" });
  });
});

describe("archive.search.revealClient", () => {
  it("is refused for staff (FORBIDDEN), writing nothing", async () => {
    const before = await t.db.auditLog.count({ where: { action: "client.reveal" } });
    expect((await refusalOf(staff.archive.search.revealClient({ clientId, reason: "核对身份" }))).code).toBe("FORBIDDEN");
    expect(await t.db.auditLog.count({ where: { action: "client.reveal" } })).toBe(before);
  });

  it("requires a reason of 2–200 characters", async () => {
    const r = await refusalOf(archivist.archive.search.revealClient({ clientId, reason: " " }));
    expect(r.fieldErrors).toEqual({ reason: "请填写 2–200 字的原因" });
    expect(await t.db.auditLog.count({ where: { action: "client.reveal" } })).toBe(0);
  });

  it("returns the full values to the archivist and audits who, whom and why", async () => {
    expect(await archivist.archive.search.revealClient({ clientId, reason: "办理产权证领取，核对业主身份" })).toEqual({ idNumber: ID, phone: PHONE });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "client.reveal", entityId: clientId } });
    expect(entry).toMatchObject({ entity: "Client", actorId: archivistId });
    expect(entry.after).toMatchObject({ reason: "办理产权证领取，核对业主身份", fields: ["idNumber", "phone"] });
    expect(JSON.stringify(entry.after)).not.toContain(ID);
  });

  it("answers NOT_FOUND for an unknown client", async () => {
    expect((await refusalOf(manager.archive.search.revealClient({ clientId: "7d3f6a3e-5b8c-4a8e-9a47-0d1e2f3a4b5c", reason: "核对" }))).code).toBe("NOT_FOUND");
  });
});

describe("archive.search.buildings (the 楼栋 filter's search as you type)", () => {
  it("matches every typed word in the project or building name, at most 20, only active projects", async () => {
    const big = (await t.db.project.create({ data: { code: "ZZ", name: "珠江新城" }, select: { id: true } })).id;
    await t.db.building.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ projectId: big, code: `B${i + 1}`, name: `${i + 1}栋` })) });
    const closed = (await t.db.project.create({ data: { code: "OLD", name: "旧城改造", isActive: false }, select: { id: true } })).id;
    await t.db.building.create({ data: { projectId: closed, code: "1", name: "1栋" } });

    const all = await staff.archive.search.buildings({ q: "珠江" });
    expect(all.items).toHaveLength(20);
    expect(all.more).toBe(true);
    expect((await staff.archive.search.buildings({ q: "珠江 12栋" })).items).toEqual([{ id: expect.any(String), label: "珠江新城 12栋" }]);
    expect((await staff.archive.search.buildings({ q: "华景 1栋" })).items).toEqual([{ id: buildingId, label: "华景花园 1栋" }]);
    expect((await staff.archive.search.buildings({ q: "旧城" })).items).toEqual([]);
    const inProject = await staff.archive.search.buildings({ q: "1栋", projectId });
    expect(inProject).toEqual({ items: [{ id: buildingId, label: "华景花园 1栋" }], more: false });
  });

  it("names the building of the URL for the picker, and is refused to roles outside the archive", async () => {
    const options = await staff.archive.search.filterOptions({ buildingId });
    expect(options.building).toEqual({ id: buildingId, label: "华景花园 1栋" });
    expect(options.projects.some((p) => p.id === projectId)).toBe(true);
    expect((await staff.archive.search.filterOptions()).building).toBeNull();
    const outsider = (await signedInAs(t.db, ["admin"])).caller;
    expect((await refusalOf(outsider.archive.search.buildings({ q: "华景" }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(staff.archive.search.buildings({ q: "x".repeat(41) }))).code).toBe("BAD_REQUEST");
  });
});
