import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord, type NewArchiveRecord } from "../../server/domain/archive/record-insert";
import type { Role } from "../../server/auth/roles";
import { SECTION_LIMIT, TIMELINE_LIMIT } from "../../server/domain/units/unit-page.service";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 一户一档 and the global search (issue 10 §1 §2): what each role gets, section by section and
// group by group; 机密 records never reach a role outside SECRET_READERS.
const t = useTestDatabase();
const callers = {} as Record<Role | "staff2", Caller>;
const ids = {} as Record<string, string>;
const ID = "110101199003071234";
const PHONE = "13812345678";
const nos = {} as Record<string, string>;

async function addRecord(key: string, input: NewArchiveRecord) {
  const r = await inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: ids.archivist!, name: "test" }, input));
  ids[key] = r.id;
  nos[key] = r.archiveNo;
}

beforeAll(async () => {
  for (const role of ["staff", "archivist", "supervisor", "manager", "admin", "auditor"] as const) {
    const s = await signedInAs(t.db, [role]);
    callers[role] = s.caller;
    ids[role] = s.user.id;
  }
  const s2 = await signedInAs(t.db, ["staff"]);
  callers.staff2 = s2.caller;
  ids.staff2 = s2.user.id;
  const kh = (await t.db.archiveClass.create({ data: { code: "KH", name: "客户信息档案", retentionYears: null, isClientFile: true }, select: { id: true } })).id;
  await t.db.checklistItem.createMany({ data: [{ classId: kh, name: "认购书", requiredCount: 1 }, { classId: kh, name: "商品房买卖合同", requiredCount: 2 }] });
  const projectId = (await t.db.project.create({ data: { code: "HJY", name: "华景园" }, select: { id: true } })).id;
  const b3 = (await t.db.building.create({ data: { projectId, code: "3", name: "3栋" }, select: { id: true } })).id;
  const b5 = (await t.db.building.create({ data: { projectId, code: "5", name: "5栋" }, select: { id: true } })).id;
  ids.unit = (await t.db.unit.create({ data: { buildingId: b3, number: "1202", floor: 12 }, select: { id: true } })).id;
  ids.unit5 = (await t.db.unit.create({ data: { buildingId: b5, number: "1202", floor: 12 }, select: { id: true } })).id;
  ids.unit0101 = (await t.db.unit.create({ data: { buildingId: b3, number: "0101", floor: 1 }, select: { id: true } })).id;
  ids.client = (await t.db.client.create({ data: { kind: "individual", name: "欧阳明珠", idNumber: ID, phone: PHONE }, select: { id: true } })).id;
  await t.db.clientUnit.create({ data: { clientId: ids.client, unitId: ids.unit, since: new Date("2026-01-05T02:00:00Z") } });

  await addRecord("file", { classId: kh, title: "客户信息档案 欧阳明珠", formedOn: "2026-03-02", unitId: ids.unit, clientId: ids.client, confidentiality: "internal", paperItems: [{ name: "认购书", count: 1 }] });
  await addRecord("secret", { classId: kh, title: "机密补充协议 欧阳明珠", formedOn: "2026-03-03", unitId: ids.unit, clientId: ids.client, confidentiality: "secret" });

  // A loan of the client file (staff), one of the 机密 file (manager), a complaint, a certificate.
  const loan = await t.db.borrowRequest.create({
    data: { requestNo: "JY-2026-0042", requesterId: ids.staff!, borrowType: "reading", purpose: "核对合同", createdAt: new Date("2026-03-09T02:00:00Z"), dueOn: new Date("2026-03-20"), status: "lent", lentAt: new Date("2026-03-10T03:00:00Z"), items: { create: [{ recordId: ids.file! }] } },
    select: { id: true },
  });
  ids.loan = loan.id;
  ids.secretLoan = (
    await t.db.borrowRequest.create({
      data: { requestNo: "JY-2026-0043", requesterId: ids.manager!, borrowType: "reading", purpose: "内部核查", createdAt: new Date("2026-03-01T02:00:00Z"), dueOn: new Date("2026-03-20"), status: "returned", items: { create: [{ recordId: ids.secret! }] } },
      select: { id: true },
    })
  ).id;
  const cat = (await t.db.complaintCategory.create({ data: { code: "QS", name: "渗漏" }, select: { id: true } })).id;
  const receivedAt = new Date("2026-03-11T01:30:00Z");
  ids.complaint = (
    await t.db.complaint.create({
      data: { complaintNo: "TS-2026-0007", year: 2026, seq: 7, channel: "phone", categoryId: cat, unitId: ids.unit, clientId: ids.client, complainantName: "欧阳明珠", contactPhone: PHONE, content: "卫生间渗水", receivedAt, receivedById: ids.staff!, promisedReplyAt: new Date(receivedAt.getTime() + 48 * 3600_000), lastProgressAt: receivedAt, progressDueAt: new Date(receivedAt.getTime() + 4 * 3600_000) },
      select: { id: true },
    })
  ).id;
  ids.repair = (
    await t.db.repairOrder.create({
      data: { orderNo: "WX-2026-0003", year: 2026, seq: 3, complaintId: ids.complaint, location: "卫生间", description: "重做防水层", isWarranty: true, responsibleDept: "工程部", createdById: ids.supervisor!, createdAt: new Date("2026-03-11T06:00:00Z") },
      select: { id: true },
    })
  ).id;
  ids.certificate = (
    await t.db.certificateHandout.create({
      data: { handoutNo: "LQ-2026-0001", unitId: ids.unit, certificateNo: "粤(2026)广州市不动产权第0000001号", ownerClientId: ids.client, recipientKind: "owner", recipientName: "欧阳明珠", recipientIdNumber: ID, handedById: ids.staff!, activeKey: "粤(2026)广州市不动产权第0000001号", handedAt: new Date("2026-03-12T06:00:00Z") },
      select: { id: true },
    })
  ).id;
});

const groupKinds = (r: { groups: { kind: string }[] }) => r.groups.map((g) => g.kind);
const hitIds = (r: { groups: { kind: string; hits: { id: string }[] }[] }, kind: string) => r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? null;

describe("units.get (一户一档)", () => {
  it("gives the archivist every section, with masked IDs, completeness and a timeline in Shanghai days", async () => {
    const p = await callers.archivist.units.get({ unitId: ids.unit! });
    expect(p.unit.label).toBe("华景园 3栋 1202");
    expect(p.owners).toEqual([expect.objectContaining({ name: "欧阳明珠", idMasked: "1101**********1234", phoneMasked: "138****5678" })]);
    expect(JSON.stringify(p)).not.toContain(ID);
    expect(JSON.stringify(p)).not.toContain(PHONE);
    expect(p.records?.map((r) => r.archiveNo).sort()).toEqual([nos.file, nos.secret].sort());
    expect(p.records?.find((r) => r.id === ids.file)?.completeness).toEqual({ percent: 50, missing: ["商品房买卖合同"] });
    expect(p.loans?.map((l) => l.requestNo).sort()).toEqual(["JY-2026-0042", "JY-2026-0043"]);
    // The archivist keeps no complaints: no section at all, and nothing of them on the timeline.
    expect(p.complaints).toBeNull();
    expect(p.repairs).toBeNull();
    expect(p.certificates?.map((c) => c.handoutNo)).toEqual(["LQ-2026-0001"]);
    const kinds = p.timeline.flatMap((d) => d.entries.map((e) => e.kind));
    expect(kinds).not.toContain("complaintReceived");
    expect(kinds).toEqual(expect.arrayContaining(["recordFormed", "loanLent", "certificateHanded", "ownerSince"]));
    // Newest first; 2026-03-12 06:00 UTC is 14:00 in Beijing, the same day.
    expect(p.timeline[0]!.day).toBe("2026-03-12");
  });

  it("hides 机密 records and their loans from staff, and shows staff only their own loans", async () => {
    const mine = await callers.staff.units.get({ unitId: ids.unit! });
    expect(mine.records?.map((r) => r.id)).toEqual([ids.file]);
    expect(mine.loans?.map((l) => l.requestNo)).toEqual(["JY-2026-0042"]);
    expect(mine.access.loans).toBe("own");
    expect(JSON.stringify(mine)).not.toContain(nos.secret!);
    expect(mine.complaints?.map((c) => c.complaintNo)).toEqual(["TS-2026-0007"]);
    // The work order names only the complaint, not the unit: it is still this unit's repair.
    expect(mine.repairs?.map((r) => r.id)).toEqual([ids.repair]);
    expect(mine.complaints?.[0]!.clocks.reply.due).toBeInstanceOf(Date);
    const kinds = mine.timeline.flatMap((d) => d.entries.map((e) => e.kind));
    expect(kinds).toEqual(expect.arrayContaining(["recordFormed", "loanLent", "complaintReceived", "certificateHanded"]));
    const other = await callers.staff2.units.get({ unitId: ids.unit! });
    expect(other.loans).toEqual([]);
  });

  it("gives the auditor loans and certificates but no archive or complaint section", async () => {
    const p = await callers.auditor.units.get({ unitId: ids.unit! });
    expect(p.records).toBeNull();
    expect(p.complaints).toBeNull();
    expect(p.loans?.map((l) => l.requestNo).sort()).toEqual(["JY-2026-0042"]);
    expect(p.certificates).toHaveLength(1);
  });

  it("refuses the admin and answers NOT_FOUND for an unknown unit", async () => {
    expect((await refusalOf(callers.admin.units.get({ unitId: ids.unit! }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(callers.manager.units.get({ unitId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });

  it("shows a busy unit's newest complaints only, says there are more, and keeps the timeline to them", async () => {
    const cat = (await t.db.complaintCategory.create({ data: { code: "ZY", name: "噪音" }, select: { id: true } })).id;
    const n = SECTION_LIMIT + 2;
    for (let i = 0; i < n; i++) {
      const receivedAt = new Date(Date.UTC(2025, 0, 1 + i, 2));
      await t.db.complaint.create({
        data: { complaintNo: `TS-2025-${String(100 + i).padStart(4, "0")}`, year: 2025, seq: 100 + i, channel: "phone", categoryId: cat, unitId: ids.unit5!, complainantName: "邻居", contactPhone: PHONE, content: `第 ${i} 次`, receivedAt, receivedById: ids.staff!, promisedReplyAt: receivedAt, lastProgressAt: receivedAt, progressDueAt: receivedAt },
      });
    }
    const busy = await callers.manager.units.get({ unitId: ids.unit5! });
    expect(busy.complaints).toHaveLength(SECTION_LIMIT);
    expect(busy.complaints![0]!.complaintNo).toBe(`TS-2025-${String(100 + n - 1).padStart(4, "0")}`);
    expect(busy.more.complaints).toBe(true);
    expect(busy.timeline.flatMap((d) => d.entries).filter((e) => e.kind === "complaintReceived")).toHaveLength(SECTION_LIMIT);
    expect(busy.timeline.flatMap((d) => d.entries).length).toBeLessThanOrEqual(TIMELINE_LIMIT);
    const quiet = await callers.manager.units.get({ unitId: ids.unit! });
    expect(quiet.more).toEqual({ records: false, loans: false, complaints: false, repairs: false, certificates: false, timeline: false });
  });

  it("browses project → building → unit", async () => {
    const b = await callers.supervisor.units.browse({});
    expect(b.projects.map((p) => p.name)).toEqual(["华景园"]);
    expect(b.units.map((u) => u.number).sort()).toEqual(["0101", "1202"]);
  });
});

describe("search.query (全局搜索)", () => {
  it("finds a unit written as 3-1202, 3号楼1202, 3栋1202 or with the project name", async () => {
    for (const q of ["3-1202", "3号楼1202", "3栋1202", "华景园3栋1202", "华景园 3-1202"]) {
      expect(hitIds(await callers.staff.search.query({ q }), "units"), q).toEqual([ids.unit]);
    }
    expect(hitIds(await callers.staff.search.query({ q: "1202" }), "units")?.sort()).toEqual([ids.unit, ids.unit5].sort());
    expect(hitIds(await callers.staff.search.query({ q: "3-101" }), "units")).toEqual([ids.unit0101]);
  });

  it("finds a client by name or by the whole phone, masked", async () => {
    const byName = await callers.staff.search.query({ q: "欧阳" });
    expect(hitIds(byName, "clients")).toEqual([ids.client]);
    const byPhone = await callers.staff.search.query({ q: PHONE });
    const hit = byPhone.groups.find((g) => g.kind === "clients")!.hits[0]!;
    expect(hit.href).toBe(`/units/${ids.unit}`);
    expect(JSON.stringify(byPhone.groups)).not.toContain(PHONE);
    expect(hit.subtitle).toContain("138****5678");
    // Fragments of a phone find nothing (004 第二十三条).
    expect(hitIds(await callers.staff.search.query({ q: "1381234" }), "clients")).toEqual([]);
  });

  it("never shows staff a 机密 record; the manager sees it", async () => {
    const staff = await callers.staff.search.query({ q: "欧阳明珠" });
    expect(hitIds(staff, "records")).toEqual([ids.file]);
    const manager = await callers.manager.search.query({ q: "欧阳明珠" });
    expect(hitIds(manager, "records")?.sort()).toEqual([ids.file, ids.secret].sort());
    expect(hitIds(await callers.staff.search.query({ q: nos.secret! }), "records")).toEqual([]);
  });

  it("finds complaint and slip numbers; staff see only their own slips", async () => {
    expect(hitIds(await callers.supervisor.search.query({ q: "ts-2026-0007" }), "complaints")).toEqual([ids.complaint]);
    expect(hitIds(await callers.manager.search.query({ q: "JY-2026-004" }), "loans")?.sort()).toEqual([ids.loan, ids.secretLoan].sort());
    expect(hitIds(await callers.staff.search.query({ q: "JY-2026-004" }), "loans")).toEqual([ids.loan]);
    expect(hitIds(await callers.staff2.search.query({ q: "JY-2026-004" }), "loans")).toEqual([]);
  });

  it("offers each group only to its module's readers", async () => {
    // The archivist does not read complaints: no complaint group, even for a complaint number.
    expect(groupKinds(await callers.archivist.search.query({ q: "TS-2026-0007" }))).not.toContain("complaints");
    expect(groupKinds(await callers.staff.search.query({ q: "x" }))).toEqual(["units", "clients", "records", "complaints", "loans"]);
    expect(groupKinds(await callers.auditor.search.query({ q: "x" }))).toEqual(["units", "clients", "loans"]);
    expect((await refusalOf(callers.admin.search.query({ q: "3-1202" }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(callers.staff.search.query({ q: " " }))).code).toBe("BAD_REQUEST");
  });
});
