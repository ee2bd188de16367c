import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { shanghaiDay } from "../../server/domain/time";
import { clientFileCompletenessCounts } from "../../server/domain/statistics/client-file-counts";
import type { NewArchiveRecord } from "../../server/domain/archive/record-insert";
import { signedInAs, useTestDatabase, type Caller } from "./helpers";
import { recountClientFiles } from "./client-file-recount";

// 工作台 (issue 9 §1): what each role's dashboard holds, on data made here — a loan waiting for
// the manager, an overdue loan, a complaint past its promised reply — and what it must not hold
// (department-wide figures for staff).
const t = useTestDatabase();
let staff: Caller, staff2: Caller, manager: Caller, archivist: Caller, supervisor: Caller, auditor: Caller, admin: Caller;
let staffId: string, archivistId: string;
let classId: string;
let waitingNo: string, waitingId: string;
let n = 0;

const today = () => shanghaiDay(new Date());
const inDays = (d: number) => addCalendarDays(today(), d);
const record = () =>
  inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivistId, name: "test" }, { classId, title: `工作台测试档案${++n}`, formedOn: "2024-05-01", confidentiality: "internal", cabinet: "A", shelf: "1", box: String(n) }));

beforeAll(async () => {
  const s = await signedInAs(t.db, ["staff"]);
  staff = s.caller;
  staffId = s.user.id;
  staff2 = (await signedInAs(t.db, ["staff"])).caller;
  manager = (await signedInAs(t.db, ["manager"])).caller;
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  archivistId = a.user.id;
  supervisor = (await signedInAs(t.db, ["supervisor"])).caller;
  auditor = (await signedInAs(t.db, ["auditor"])).caller;
  admin = (await signedInAs(t.db, ["admin"])).caller;
  classId = (await t.db.archiveClass.create({ data: { code: "GZT", name: "工作台测试类", retentionYears: 30 } })).id;

  // A slip waiting for the manager's approval.
  const waiting = await staff.borrowing.requests.create({ recordIds: [(await record()).id], borrowType: "copy", purpose: "复印合同", dueOn: inDays(3) });
  waitingNo = waiting.requestNo;
  waitingId = waiting.id;
  // A slip lent this month and now two days past its due day.
  const lent = await staff.borrowing.requests.create({ recordIds: [(await record()).id], borrowType: "takeaway", purpose: "核对", dueOn: inDays(3) });
  await manager.borrowing.requests.approve({ requestId: lent.id });
  await archivist.borrowing.loans.lend({ requestId: lent.id });
  await t.db.borrowRequest.update({ where: { id: lent.id }, data: { dueOn: new Date(`${inDays(-2)}T00:00:00.000Z`) } });

  // Two complaints received by staff: one past its promised reply, one on time; one by staff2.
  const cat = await t.db.complaintCategory.create({ data: { code: "GZT", name: "工程质量" } });
  const late = await staff.complaints.intake({ channel: "phone", categoryId: cat.id, complainantName: "业主甲", content: "漏水" });
  await staff.complaints.intake({ channel: "phone", categoryId: cat.id, complainantName: "业主乙", content: "噪音" });
  await staff2.complaints.intake({ channel: "visit", categoryId: cat.id, complainantName: "业主丙", content: "绿化" });
  await t.db.complaint.update({ where: { id: late.id }, data: { promisedReplyAt: new Date(Date.now() - 3_600_000) } });
});

describe("the staff member's dashboard", () => {
  it("holds their own complaints with clocks, the late one red, and their own loans with the overdue one", async () => {
    const d = await staff.dashboard.home();
    expect(d.complaints).toMatchObject({ count: 2, overdue: 1 });
    expect(d.complaints!.rows.map((r) => [r.complainantName, r.late])).toEqual([["业主甲", true], ["业主乙", false]]);
    expect(d.complaints!.rows[0]!.clocks.reply.state).toBe("late");
    expect(d.loans).toMatchObject({ onLoan: 1, overdue: 1, waiting: 1 });
    const overdue = d.loans!.rows.find((r) => r.overdue)!;
    expect([overdue.status, overdue.daysOverdue]).toEqual(["lent", 2]);
  });

  it("holds no department-wide figure, no desk and no approvals but their own results", async () => {
    const d = await staff.dashboard.home();
    expect(d.figures).toMatchObject({ complaints: null, loans: null, archive: null, appraisals: null });
    expect([d.complaintOverview, d.desk, d.overdueLoans]).toEqual([null, null, null]);
    expect(d.approvals).toMatchObject({ loans: null, weeding: null, repairs: null, appraisalsToScore: null, appraisalsToFinalise: null, appraisalsToAcknowledge: 0 });
  });
});

describe("the manager's dashboard", () => {
  it("shows the loan waiting for approval, and this month's figures", async () => {
    const d = await manager.dashboard.home();
    expect(d.approvals.loans!.requests).toBe(1);
    expect(d.approvals.loans!.rows.map((r) => [r.id, r.requestNo])).toEqual([[waitingId, waitingNo]]);
    expect([d.approvals.weeding, d.approvals.repairs, d.approvals.appraisalsToFinalise]).toEqual([0, 0, 0]);
    expect(d.figures.complaints).toMatchObject({ received: 3, closed: 0 });
    expect(d.figures.loans).toMatchObject({ lent: 1, returned: 0, overdue: 1 });
    expect(d.figures.archive).toMatchObject({ added: 2, clientFiles: 0 });
    expect(d.figures.appraisals).toEqual({ finalised: 0 });
    expect(d.complaintOverview).toMatchObject({ overdue: 1, open: 3, unassigned: 3 });
    expect(d.figures.month).toBe(today().slice(0, 7));
  });

  it("does not ask the borrower to approve their own request", async () => {
    const own = await manager.borrowing.requests.create({ recordIds: [(await record()).id], borrowType: "reading", purpose: "查阅", dueOn: inDays(2) });
    expect((await manager.dashboard.home()).approvals.loans!.rows.map((r) => r.id)).not.toContain(own.id);
    expect((await manager.dashboard.home()).loans!.waiting).toBe(1);
    await manager.borrowing.requests.withdraw({ requestId: own.id });
  });
});

describe("the other roles", () => {
  it("the archivist has the desk with the overdue loan and the archive and loan figures", async () => {
    const d = await archivist.dashboard.home();
    expect(d.desk).toMatchObject({ waiting: 0, onLoan: 1, overdue: 1 });
    expect(d.figures.loans).toMatchObject({ lent: 1 });
    expect(d.figures.archive).toMatchObject({ added: 3 });
    expect([d.complaints, d.figures.complaints]).toEqual([null, null]);
  });

  it("the supervisor sees the department's complaints but decides no loan unless named second approver", async () => {
    const d = await supervisor.dashboard.home();
    expect(d.complaintOverview).toMatchObject({ overdue: 1 });
    expect(d.approvals.loans).toMatchObject({ requests: 0, rows: [] });
    expect(d.approvals.appraisalsToScore).toBe(0);
  });

  it("the auditor reads only the loan figures; the admin gets nothing to decide", async () => {
    const au = await auditor.dashboard.home();
    expect(au.figures.loans).toMatchObject({ lent: 1 });
    expect([au.figures.complaints, au.figures.archive, au.approvals.loans, au.loans, au.complaints]).toEqual([null, null, null, null, null]);
    expect(au.overdueLoans).toBe(1);
    const ad = await admin.dashboard.home();
    expect(Object.values(ad.approvals)).toEqual([null, null, null, null, null, null]);
    expect([ad.figures.complaints, ad.figures.loans, ad.figures.archive, ad.figures.appraisals]).toEqual([null, null, null, null]);
  });
});

it("staffId is the borrower of the overdue loan (fixture sanity)", async () => {
  expect(await t.db.borrowRequest.count({ where: { requesterId: staffId, status: "lent" } })).toBe(1);
});

// The month card's 客户档案完整率 is the sum of the tallies the database keeps (client-file-counts.ts),
// not every file read into Node: it must say what checkCompleteness() says, file for file, on the
// edge cases (client-file-summary.test.ts checks it after every kind of write).
describe("the client-file completeness figure", () => {
  it("counts exactly what the per-file check counts", async () => {
    const cls = (await t.db.archiveClass.create({ data: { code: "GZK", name: "工作台客户档案", retentionYears: 30, isClientFile: true } })).id;
    const bare = (await t.db.archiveClass.create({ data: { code: "GZB", name: "工作台无清单客户档案", retentionYears: 30, isClientFile: true } })).id;
    await t.db.checklistItem.createMany({
      data: [
        { classId: cls, name: "身份证复印件", requiredCount: 2, sortOrder: 1 },
        { classId: cls, name: "购房合同", requiredCount: 1, sortOrder: 2 },
        { classId: cls, name: "户口本", requiredCount: 1, condition: "individual", sortOrder: 3 },
        { classId: cls, name: "营业执照", requiredCount: 1, condition: "company", sortOrder: 4 },
        { classId: cls, name: "监护人证明", requiredCount: 1, condition: "minor", sortOrder: 5 },
        { classId: cls, name: "旧版登记表", requiredCount: 1, isActive: false, sortOrder: 6 },
      ],
    });
    const person = (await t.db.client.create({ data: { kind: "individual", name: "工作台业主" } })).id;
    const company = (await t.db.client.create({ data: { kind: "company", name: "工作台公司" } })).id;
    const file = (input: Partial<NewArchiveRecord>) =>
      inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivistId, name: "test" }, { classId: cls, title: `客户档案${++n}`, formedOn: "2024-05-01", confidentiality: "internal", ...input }));
    const id2 = { name: "身份证复印件", count: 2 };
    const contract = { name: "购房合同", count: 1 };
    await file({ clientId: person, paperItems: [id2, contract, { name: "户口本", count: 1 }] }); // complete
    // Two lines of one item under names that differ only by spaces (ASCII, full-width) add up.
    await file({ clientId: person, paperItems: [{ name: " 身份证复印件", count: 1 }, { name: "身份证复印件\u3000", count: 1 }, contract, { name: "户口本", count: 1 }] }); // complete
    await file({ clientId: person, paperItems: [{ name: "身份证复印件", count: 1 }, contract, { name: "户口本", count: 1 }] }); // short
    await file({ clientId: company, paperItems: [id2, contract, { name: "户口本", count: 1 }] }); // no 营业执照
    await file({ clientId: company, paperItems: [id2, contract, { name: "营业执照", count: 1 }] }); // complete
    await file({ paperItems: [id2, contract] }); // no client: neither kind's item applies → complete
    await file({ clientId: person, conditions: ["minor"], paperItems: [id2, contract, { name: "户口本", count: 1 }] }); // no 监护人证明
    await file({ clientId: person, conditions: ["co_owner"], paperItems: [id2, contract, { name: "户口本", count: 1 }] }); // flag with no item → complete
    await file({ clientId: person, confidentiality: "secret", paperItems: [id2, contract, { name: "户口本", count: 1 }] }); // complete, 机密
    await file({ clientId: person, confidentiality: "secret", paperItems: [] }); // 机密, nothing
    await inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivistId, name: "test" }, { classId: bare, title: "无清单", formedOn: "2024-05-01", confidentiality: "internal" })); // no checklist → complete

    const perFile = async (roles: Parameters<typeof clientFileCompletenessCounts>[1]) => {
      const files = (await recountClientFiles(t.db)).filter((f) => roles.includes("manager") || !f.isSecret);
      return { files: files.length, complete: files.filter((f) => f.percent >= 100).length };
    };
    // The manager reads 机密; the supervisor does not.
    expect(await perFile(["manager"])).toEqual({ files: 11, complete: 7 });
    expect(await clientFileCompletenessCounts(t.db, ["manager"])).toEqual({ files: 11, complete: 7 });
    expect(await perFile(["supervisor"])).toEqual({ files: 9, complete: 6 });
    expect(await clientFileCompletenessCounts(t.db, ["supervisor"])).toEqual({ files: 9, complete: 6 });
    const d = await manager.dashboard.home();
    expect(d.figures.archive).toMatchObject({ clientFiles: 11, complete: 7, completeRate: { num: 7, den: 11 } });
  });
});
