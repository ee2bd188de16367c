import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { inTransaction } from "../../server/db/tx";
import { SYSTEM_ACTOR } from "../../server/domain/audit/audit-log";

// 档案: classes, records, 档号 numbering under concurrency, completeness, 机密 and roles.
const t = useTestDatabase();
let asAdmin: Caller;
let asArchivist: Caller;
let asStaff: Caller;
let asManager: Caller;
let kh: string; // client-file class with a checklist
let nb: string; // plain class, 10 years
let unitId: string;
let buildingId: string;
let projectId: string;
let clientId: string;

const base = { formedOn: "2026-03-02", retention: "class" as const, confidentiality: "internal" as const };

beforeAll(async () => {
  asAdmin = (await signedInAs(t.db, ["admin"])).caller;
  asArchivist = (await signedInAs(t.db, ["archivist"])).caller;
  asStaff = (await signedInAs(t.db, ["staff"])).caller;
  asManager = (await signedInAs(t.db, ["manager"])).caller;
  kh = (await asAdmin.archive.records.createClass({ code: "kh", name: "客户信息档案", retention: "permanent", isClientFile: true, sortOrder: 1 })).id;
  nb = (await asAdmin.archive.records.createClass({ code: "NB", name: "部门内部档案", retention: "10", isClientFile: false, sortOrder: 2 })).id;
  for (const [i, item] of [
    { name: "商品房买卖合同", requiredCount: 2, condition: "" as const },
    { name: "身份证复印件", requiredCount: 1, condition: "individual" as const },
    { name: "发票复印件", requiredCount: 1, condition: "" as const },
    { name: "房产共有协议", requiredCount: 1, condition: "co_owner" as const },
  ].entries()) {
    await asAdmin.archive.records.createChecklistItem({ classId: kh, ...item, sortOrder: i });
  }
  projectId = (await asAdmin.admin.createProject({ code: "ARC", name: "档案测试园" })).id;
  buildingId = (await asAdmin.admin.createBuilding({ projectId, code: "1", name: "1栋", sortOrder: 1 })).id;
  unitId = (await asAdmin.admin.createUnit({ buildingId, number: "0101", floor: 1 })).id;
  const client = await t.db.client.create({ data: { kind: "individual", name: "张三", idNumber: "110101199003071234", phone: "13812345678" }, select: { id: true } });
  clientId = client.id;
  await t.db.clientUnit.create({ data: { clientId, unitId } });
});

describe("classes", () => {
  it("upper-cases the code and refuses a duplicate code with a clear message", async () => {
    const before = await t.db.archiveClass.count();
    const r = await refusalOf(asAdmin.archive.records.createClass({ code: "KH", name: "另一个", retention: "30", isClientFile: false, sortOrder: 0 }));
    expect([r.code, r.domainCode]).toEqual(["CONFLICT", "ARCHIVE_CLASS_CODE_TAKEN"]);
    expect(r.message).toContain("KH");
    expect(await t.db.archiveClass.count()).toBe(before);
  });
  it("refuses a code that is not upper-case letters", async () => {
    const r = await refusalOf(asAdmin.archive.records.createClass({ code: "K1", name: "x", retention: "10", isClientFile: false, sortOrder: 0 }));
    expect(r.fieldErrors).toEqual({ code: "只能是大写字母（如 KH）" });
  });
  it("deactivates a class with an audited before → after; staff cannot edit classes", async () => {
    const c = await asAdmin.archive.records.createClass({ code: "XX", name: "临时类", retention: "custom", customYears: 5, isClientFile: false, sortOrder: 9 });
    expect(c.retentionYears).toBe(5);
    await asAdmin.archive.records.updateClass({ classId: c.id, name: "临时类", retention: "custom", customYears: 5, isClientFile: false, sortOrder: 9, isActive: false });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "archiveClass.update", entityId: c.id } });
    expect([(entry.before as { isActive: boolean }).isActive, (entry.after as { isActive: boolean }).isActive]).toEqual([true, false]);
    expect((await refusalOf(asStaff.archive.records.createClass({ code: "YY", name: "y", retention: "10", isClientFile: false, sortOrder: 0 }))).code).toBe("FORBIDDEN");
    // An inactive class takes no new records.
    const r = await refusalOf(asArchivist.archive.records.create({ ...base, classId: c.id, title: "不应创建" }));
    expect(r.domainCode).toBe("ARCHIVE_CLASS_UNKNOWN");
  });
  it("refuses a checklist item twice in one class", async () => {
    const r = await refusalOf(asAdmin.archive.records.createChecklistItem({ classId: kh, name: "发票复印件", requiredCount: 1, condition: "", sortOrder: 0 }));
    expect(r.domainCode).toBe("CHECKLIST_ITEM_TAKEN");
  });
});

describe("records", () => {
  it("50 concurrent creations give 50 distinct consecutive numbers with no gap", async () => {
    const made = await Promise.all(
      Array.from({ length: 50 }, (_, i) => asStaff.archive.records.create({ ...base, formedOn: "2027-05-01", classId: kh, title: `并发档案 ${i}` })),
    );
    const numbers = made.map((m) => m.archiveNo).sort();
    expect(new Set(numbers).size).toBe(50);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `KH-2027-${String(i + 1).padStart(6, "0")}`));
    const counter = await t.db.archiveCounter.findUniqueOrThrow({ where: { classId_year: { classId: kh, year: 2027 } } });
    expect(counter.lastSeq).toBe(50);
  }, 120_000);

  it("a rolled-back creation gives its number back", async () => {
    const first = await asArchivist.archive.records.create({ ...base, formedOn: "2028-01-10", classId: nb, title: "第一份" });
    expect(first.archiveNo).toBe("NB-2028-000001");
    await expect(
      inTransaction(t.db, async (tx) => {
        await insertArchiveRecord(tx, SYSTEM_ACTOR, { classId: nb, title: "回滚", formedOn: "2028-02-01", confidentiality: "internal" });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    const next = await asArchivist.archive.records.create({ ...base, formedOn: "2028-03-01", classId: nb, title: "第二份" });
    expect(next.archiveNo).toBe("NB-2028-000002");
  });

  it("an unknown class is refused with a clear message and creates nothing", async () => {
    const before = await t.db.archiveRecord.count();
    const audit = await t.db.auditLog.count();
    const r = await refusalOf(asArchivist.archive.records.create({ ...base, classId: "00000000-0000-4000-8000-000000000000", title: "无类别" }));
    expect([r.code, r.domainCode, r.message]).toEqual(["BAD_REQUEST", "ARCHIVE_CLASS_UNKNOWN", "档案类别不存在或已停用。"]);
    expect(await t.db.archiveRecord.count()).toBe(before);
    expect(await t.db.auditLog.count()).toBe(audit);
  });

  it("refuses a client who does not own the unit, and a unit outside the building", async () => {
    const stranger = await t.db.client.create({ data: { kind: "individual", name: "李四" }, select: { id: true } });
    const r = await refusalOf(asArchivist.archive.records.create({ ...base, classId: kh, title: "错客户", unitId, clientId: stranger.id }));
    expect(r.domainCode).toBe("ARCHIVE_CLIENT_NOT_OWNER");
    const other = (await asAdmin.admin.createBuilding({ projectId, code: "2", name: "2栋", sortOrder: 2 })).id;
    expect((await refusalOf(asArchivist.archive.records.create({ ...base, classId: kh, title: "错楼栋", unitId, buildingId: other }))).domainCode).toBe("ARCHIVE_UNIT_MISMATCH");
  });

  it("creates a client file linked to the unit, with masked client data, expiry, completeness and an audit entry", async () => {
    const { id, archiveNo } = await asArchivist.archive.records.create({
      ...base,
      classId: kh,
      title: "1栋0101 张三 客户信息档案",
      unitId,
      clientId,
      conditions: ["co_owner"],
      cabinet: "柜A",
      shelf: "3层",
      box: "12盒",
      paperItems: [
        { name: "商品房买卖合同", count: 2 },
        { name: "发票复印件", count: 1 },
      ],
    });
    expect(archiveNo).toMatch(/^KH-2026-\d{6}$/);
    const r = await asArchivist.archive.records.get({ recordId: id });
    expect(r).toMatchObject({ archiveNo, formedOn: "2026-03-02", expiresOn: null, retentionYears: null, location: "柜A-3层-12盒", status: "in_store" });
    expect(r.project?.id).toBe(projectId);
    expect(r.building?.id).toBe(buildingId);
    expect(r.client).toEqual({ id: clientId, name: "张三", kind: "individual", idMasked: "1101**********1234", phoneMasked: "138****5678" });
    expect(JSON.stringify(r)).not.toContain("110101199003071234");
    expect(r.completeness?.percent).toBe(50);
    expect(r.completeness?.missing.map((m) => m.name)).toEqual(["身份证复印件", "房产共有协议"]);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "archive.create", entityId: id } });
    expect(entry.after).toMatchObject({ archiveNo, classCode: "KH", location: "柜A-3层-12盒" });
    const history = await asStaff.archive.records.history({ recordId: id });
    expect(history.map((h) => h.action)).toEqual(["archive.create"]);

    // The keeper completes the file: completeness reaches 100 and the change is audited.
    await asArchivist.archive.records.updatePaperItems({
      recordId: id,
      items: [
        { name: "商品房买卖合同", count: 2 },
        { name: "发票复印件", count: 1 },
        { name: "身份证复印件", count: 1 },
        { name: "房产共有协议", count: 1 },
      ],
    });
    expect((await asStaff.archive.records.completeness({ recordId: id }))?.percent).toBe(100);
    const items = await t.db.auditLog.findFirstOrThrow({ where: { action: "archive.updatePaperItems", entityId: id } });
    expect((items.before as { paperItems: unknown[] }).paperItems).toHaveLength(2);
    expect((items.after as { paperItems: unknown[] }).paperItems).toHaveLength(4);
  });

  it("a 10-year class computes its expiry; a custom retention overrides it", async () => {
    const a = await asArchivist.archive.records.create({ ...base, formedOn: "2012-02-29", classId: nb, title: "2012 会议记录" });
    expect((await asArchivist.archive.records.get({ recordId: a.id })).expiresOn).toBe("2022-02-28");
    const b = await asArchivist.archive.records.create({ ...base, formedOn: "2020-06-30", classId: nb, title: "自定义", retention: "custom", customYears: 3 });
    expect((await asArchivist.archive.records.get({ recordId: b.id })).expiresOn).toBe("2023-06-30");
  });
});

describe("keeping and confidentiality", () => {
  let recordId: string;
  let secretId: string;
  beforeAll(async () => {
    recordId = (await asArchivist.archive.records.create({ ...base, classId: nb, title: "位置测试", cabinet: "柜B" })).id;
    secretId = (await asArchivist.archive.records.create({ ...base, classId: nb, title: "机密 情况说明", confidentiality: "secret" })).id;
  });

  it("staff cannot change a location (FORBIDDEN) and nothing changes", async () => {
    const r = await refusalOf(asStaff.archive.records.updateLocation({ recordId, cabinet: "柜Z" }));
    expect(r.code).toBe("FORBIDDEN");
    expect((await t.db.archiveRecord.findUniqueOrThrow({ where: { id: recordId } })).cabinet).toBe("柜B");
  });

  it("the archivist moves a file, audited before → after", async () => {
    await asArchivist.archive.records.updateLocation({ recordId, cabinet: "柜C", shelf: "2层", box: "05盒" });
    const e = await t.db.auditLog.findFirstOrThrow({ where: { action: "archive.updateLocation", entityId: recordId } });
    expect([e.before, e.after]).toEqual([{ location: "柜B" }, { location: "柜C-2层-05盒" }]);
  });

  it("concurrent paper item edits are serialised: each audit entry's before is the other's after", async () => {
    const lists = [
      [{ name: "会议记录", count: 3 }],
      [{ name: "会议记录", count: 5 }, { name: "签到表", count: 1 }],
    ];
    await Promise.all(lists.map((items) => asArchivist.archive.records.updatePaperItems({ recordId, items })));
    const entries = await t.db.auditLog.findMany({ where: { action: "archive.updatePaperItems", entityId: recordId }, orderBy: { id: "asc" } });
    expect(entries).toHaveLength(2);
    expect(entries[1]!.before).toEqual(entries[0]!.after);
    const final = await t.db.archivePaperItem.findMany({ where: { recordId }, orderBy: { name: "asc" }, select: { name: true, count: true } });
    expect({ paperItems: final.map((f) => ({ ...f, remark: null })) }).toEqual(entries[1]!.after);
  });

  it("a destroyed file cannot be moved", async () => {
    const gone = (await asArchivist.archive.records.create({ ...base, classId: nb, title: "已销毁的" })).id;
    await t.db.archiveRecord.update({ where: { id: gone }, data: { status: "destroyed" } });
    const r = await refusalOf(asArchivist.archive.records.updateLocation({ recordId: gone, cabinet: "柜D" }));
    expect([r.code, r.domainCode]).toEqual(["CONFLICT", "ARCHIVE_NOT_IN_STORE"]);
  });

  it("a 机密 record is FORBIDDEN to staff and open to the archivist and manager", async () => {
    const r = await refusalOf(asStaff.archive.records.get({ recordId: secretId }));
    expect([r.code, r.domainCode]).toEqual(["FORBIDDEN", "ARCHIVE_SECRET"]);
    expect((await refusalOf(asStaff.archive.records.history({ recordId: secretId }))).code).toBe("FORBIDDEN");
    expect((await asArchivist.archive.records.get({ recordId: secretId })).confidentiality).toBe("secret");
    expect((await asManager.archive.records.get({ recordId: secretId })).title).toBe("机密 情况说明");
  });
});

describe("client files", () => {
  it("lists client files in shelving order with completeness, and filters to incomplete ones", async () => {
    const unit2 = (await asAdmin.admin.createUnit({ buildingId, number: "0102", floor: 1 })).id;
    await asArchivist.archive.records.create({ ...base, classId: kh, title: "0102 空档案", unitId: unit2 });
    const all = await asStaff.archive.records.clientFiles({ projectId, pageSize: 100 });
    expect(all.rows.every((r) => r.archiveClass.code === "KH")).toBe(true);
    const units = all.rows.map((r) => r.unit?.number);
    expect(units).toEqual([...units].sort());
    const incomplete = await asStaff.archive.records.clientFiles({ projectId, incompleteOnly: true, pageSize: 100 });
    expect(incomplete.rows.length).toBeGreaterThan(0);
    expect(incomplete.rows.every((r) => r.percent < 100)).toBe(true);
    expect(incomplete.rows.map((r) => r.title)).toContain("0102 空档案");
    expect(incomplete.rows.map((r) => r.title)).not.toContain("1栋0101 张三 客户信息档案");
    const empty = incomplete.rows.find((r) => r.title === "0102 空档案")!;
    expect(empty.missing).toEqual(["商品房买卖合同", "发票复印件"]);
  });
});
