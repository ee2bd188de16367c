// Demo 借阅 data: a borrow slip in every state and a few property-certificate hand-outs, written
// through the module's own services (requests, approvals, loans, certificates) so every state,
// hold, record status, audit entry and notification is the real one. Idempotent: a slip is
// recognised by its purpose, a hand-out by its certificate number; what exists is skipped.
//
// The services stamp "now". So that the register and the desk read like a few weeks of work, the
// seed then puts each demo slip's step times and due day on its story's days (one UPDATE of the
// demo row; the audit entries keep the real seed time and due day). That is how two loans come to
// be overdue: their stories began weeks ago.
import type { Db } from "../../server/db/client";
import type { Role } from "../../server/auth/roles";
import { shanghaiDay, startOfShanghaiDay } from "../../server/domain/time";
import { dateOfDay } from "../../server/domain/archive/retention";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { createBorrowRequest, withdrawBorrowRequest, type Person } from "../../server/domain/borrowing/requests.service";
import { approveBorrowRequest, approveRenewal, rejectBorrowRequest } from "../../server/domain/borrowing/approvals.service";
import { confirmReceipt, lendLoan, requestRenewal, returnLoan } from "../../server/domain/borrowing/loans.service";
import { confirmHandout, createHandout, voidHandout } from "../../server/domain/borrowing/certificates.service";

const DAY = 86_400_000;

type Story = {
  purpose: string;
  borrower: string;
  borrowType: "reading" | "copy" | "takeaway";
  /** How many of the demo client files, or a 机密 record by title. */
  records: number | { title: string };
  /** Days ago the slip was written; due this many days after that. */
  ago: number;
  loanDays: number;
  steps: ("approve" | "reject" | "withdraw" | "lend" | "receive" | "renewAsk" | "renewApprove" | "return" | "returnIncomplete")[];
  /** Days ago the records came back (returned stories). */
  returnedAgo?: number;
};

// Borrowers: 王丽娜 staff, 刘洋 staff2, 黄伟 huang.wei, 刘芳 liu.fang (may see 机密); 赵建国 approves,
// 吴刚 gives the second approval, 陈静 lends and takes back.
const STORIES: Story[] = [
  { purpose: "核对客户签约资料，准备产权证办理材料", borrower: "staff", borrowType: "reading", records: 2, ago: 0, loanDays: 7, steps: [] },
  { purpose: "物业服务合同续签前查阅原合同条款", borrower: "liu.fang", borrowType: "reading", records: { title: "华景园物业服务合同" }, ago: 1, loanDays: 3, steps: ["approve"] },
  { purpose: "客户投诉复核，调阅签约及补充协议", borrower: "staff2", borrowType: "takeaway", records: 1, ago: 1, loanDays: 5, steps: ["approve"] },
  { purpose: "个人查阅（未说明具体业务）", borrower: "huang.wei", borrowType: "takeaway", records: 1, ago: 3, loanDays: 14, steps: ["reject"] },
  { purpose: "按揭资料补件，后确认无需调阅", borrower: "staff", borrowType: "copy", records: 1, ago: 4, loanDays: 3, steps: ["approve", "withdraw"] },
  { purpose: "复印身份证及合同首页报送房管局", borrower: "staff2", borrowType: "copy", records: 1, ago: 2, loanDays: 7, steps: ["approve", "lend", "receive"] },
  { purpose: "办理产权证，提交买卖合同原件", borrower: "staff", borrowType: "takeaway", records: 1, ago: 20, loanDays: 7, steps: ["approve", "lend", "receive"] },
  { purpose: "银行抵押登记补充材料", borrower: "huang.wei", borrowType: "takeaway", records: 1, ago: 12, loanDays: 5, steps: ["approve", "lend"] },
  { purpose: "房管局合同备案信息变更", borrower: "staff2", borrowType: "takeaway", records: 1, ago: 9, loanDays: 7, steps: ["approve", "lend", "receive", "renewAsk", "renewApprove"] },
  { purpose: "配合律师核对共有人协议", borrower: "staff", borrowType: "takeaway", records: 1, ago: 6, loanDays: 7, steps: ["approve", "lend", "receive", "renewAsk"] },
  { purpose: "年度档案抽查核对", borrower: "huang.wei", borrowType: "reading", records: 1, ago: 15, loanDays: 3, steps: ["approve", "lend", "receive", "return"], returnedAgo: 13 },
  { purpose: "签约变更申请审核，调阅原合同", borrower: "staff", borrowType: "takeaway", records: 2, ago: 25, loanDays: 10, steps: ["approve", "lend", "receive", "returnIncomplete"], returnedAgo: 16 },
];

async function person(db: Db, loginName: string): Promise<Person> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, select: { id: true, displayName: true, roles: { select: { role: true } } } });
  return { id: u.id, name: u.displayName, roles: u.roles.map((r) => r.role as Role) };
}

/** 09:30 (plus `hours`) in Shanghai on the day `daysAgo` before `now`. */
function officeTime(now: Date, daysAgo: number, hours = 0): Date {
  return new Date(startOfShanghaiDay(shanghaiDay(new Date(now.getTime() - daysAgo * DAY))).getTime() + (9.5 + hours) * 3_600_000);
}

/**
 * Puts the demo slip's steps on office hours of its story's days: written `ago` days back, decided
 * two hours later, lent the next morning, back `returnedAgo` days back. Steps not taken stay null.
 */
async function backdate(db: Db, id: string, now: Date, story: Story) {
  const { ago, returnedAgo } = story;
  if (ago === 0) return;
  // The due day the story's slip was written with; a slip renewed since keeps its renewed day.
  const storyDue = dateOfDay(addCalendarDays(shanghaiDay(new Date(now.getTime() - ago * DAY)), story.loanDays));
  const renewed = story.steps.includes("renewApprove");
  const at = (days: number, hours: number) => officeTime(now, days, hours);
  const back = at(returnedAgo ?? 0, 6);
  await db.$executeRaw`
    UPDATE "BorrowRequest" SET
      "createdAt" = ${at(ago, 0)},
      "approvedAt" = CASE WHEN "approvedAt" IS NULL THEN NULL ELSE ${at(ago, 2)}::timestamptz END,
      "secondApprovedAt" = CASE WHEN "secondApprovedAt" IS NULL THEN NULL ELSE ${at(ago, 3)}::timestamptz END,
      "rejectedAt" = CASE WHEN "rejectedAt" IS NULL THEN NULL ELSE ${at(ago, 2)}::timestamptz END,
      "withdrawnAt" = CASE WHEN "withdrawnAt" IS NULL THEN NULL ELSE ${at(ago - 1, 1)}::timestamptz END,
      "lentAt" = CASE WHEN "lentAt" IS NULL THEN NULL ELSE ${at(ago - 1, 0.5)}::timestamptz END,
      "receivedAt" = CASE WHEN "receivedAt" IS NULL THEN NULL ELSE ${at(ago - 1, 0.6)}::timestamptz END,
      "returnedAt" = CASE WHEN "returnedAt" IS NULL THEN NULL ELSE ${back}::timestamptz END,
      "voidedAt" = CASE WHEN "voidedAt" IS NULL THEN NULL ELSE ${back}::timestamptz END,
      "dueOn" = CASE WHEN ${renewed} THEN "dueOn" ELSE ${storyDue}::date END
    WHERE "id" = ${id}::uuid`;
  await db.$executeRaw`UPDATE "BorrowRenewal" SET "previousDueOn" = ${storyDue}::date, "requestedAt" = ${at(Math.floor(ago / 2), 1.5)}, "decidedAt" = CASE WHEN "decidedAt" IS NULL THEN NULL ELSE ${at(Math.floor(ago / 2), 4)}::timestamptz END WHERE "requestId" = ${id}::uuid`;
  // The slip's notices belong to its story's days too; those about steps long done were read then.
  // Only what still waits for someone (a decision, a renewal) stays unread.
  await db.$executeRaw`
    UPDATE "Notification" n SET
      "createdAt" = ${at(ago, 0)},
      "readAt" = CASE WHEN r."status" IN ('requested', 'pending_second')
                        OR EXISTS (SELECT 1 FROM "BorrowRenewal" w WHERE w."requestId" = r."id" AND w."status" = 'pending')
                      THEN NULL ELSE ${at(ago, 4)}::timestamptz END
    FROM "BorrowRequest" r
    WHERE r."id" = ${id}::uuid AND n."params"->>'requestNo' = r."requestNo"`;
}

async function seedLoans(db: Db, now: Date): Promise<number> {
  const [manager, manager2, archivist] = await Promise.all([person(db, "manager"), person(db, "wu.gang"), person(db, "archivist")]);
  const done = new Set((await db.borrowRequest.findMany({ where: { purpose: { in: STORIES.map((s) => s.purpose) } }, select: { purpose: true } })).map((r) => r.purpose));
  // Client files from the end of the shelf, in store and held by no loan: the first files stay
  // free for whoever tries the module (and for the e2e specs).
  const free = await db.archiveRecord.findMany({
    where: { archiveClass: { code: "KH" }, status: "in_store", borrowItems: { none: {} } },
    orderBy: { archiveNo: "desc" },
    take: 20,
    select: { id: true },
  });
  let created = 0;
  for (const story of STORIES) {
    if (done.has(story.purpose)) continue;
    const borrower = await person(db, story.borrower);
    let recordIds: string[];
    if (typeof story.records === "number") {
      if (free.length < story.records) break;
      recordIds = free.splice(0, story.records).map((r) => r.id);
    } else {
      const r = await db.archiveRecord.findFirst({ where: { title: story.records.title, status: "in_store" }, select: { id: true } });
      if (!r) continue;
      recordIds = [r.id];
    }
    // Asked, decided and lent today with a due day still ahead (as the services require); the story's
    // own due day is put in place with its dates afterwards.
    const slip = await createBorrowRequest(db, borrower, { recordIds, borrowType: story.borrowType, purpose: story.purpose, dueOn: addCalendarDays(shanghaiDay(now), story.loanDays) }, now);
    for (const step of story.steps) {
      if (step === "approve") {
        const r = await approveBorrowRequest(db, manager, { requestId: slip.id, comment: "同意，按期归还" });
        if (r.status === "pending_second") break; // waits for 吴刚's second approval
      } else if (step === "reject") await rejectBorrowRequest(db, manager, { requestId: slip.id, comment: "请说明具体业务用途后重新申请" });
      else if (step === "withdraw") await withdrawBorrowRequest(db, borrower, slip.id);
      else if (step === "lend") await lendLoan(db, archivist, slip.id);
      else if (step === "receive") await confirmReceipt(db, borrower, slip.id);
      else if (step === "renewAsk") await requestRenewal(db, borrower, { requestId: slip.id, newDueOn: addCalendarDays(shanghaiDay(now), 10), reason: "房管局退件补正，需延长借期" });
      else if (step === "renewApprove") {
        const renewal = await db.borrowRenewal.findFirstOrThrow({ where: { requestId: slip.id, status: "pending" }, select: { id: true } });
        await approveRenewal(db, manager2, { renewalId: renewal.id, comment: "同意续借" }, now);
      } else if (step === "return" || step === "returnIncomplete") {
        const items = await db.borrowItem.findMany({ where: { requestId: slip.id }, orderBy: { record: { archiveNo: "asc" } }, select: { id: true } });
        await returnLoan(db, archivist, {
          requestId: slip.id,
          items: items.map((i, n) => (step === "returnIncomplete" && n === items.length - 1 ? { itemId: i.id, check: "incomplete" as const, note: "补充协议缺第3页" } : { itemId: i.id, check: "complete" as const })),
        });
      }
    }
    await backdate(db, slip.id, now, story);
    created++;
  }
  return created;
}

type HandoutStory = { certificateNo: string; clerk: string; agent?: { name: string; idNumber: string; powerOfAttorney: string }; confirmed: boolean; confirmLater?: boolean; voidReason?: string };

// The unit is the n-th owned unit of 锦湖湾 (the e2e specs use 华景园); the owner its first buyer.
const HANDOUTS: HandoutStory[] = [
  { certificateNo: "粤(2025)广州市不动产权第0208811号", clerk: "staff", confirmed: true },
  { certificateNo: "粤(2025)广州市不动产权第0208812号", clerk: "liu.fang", confirmed: false, agent: { name: "何建华", idNumber: "440105197912083316", powerOfAttorney: "（2025）粤广州广州第021337号" }, confirmLater: true },
  { certificateNo: "粤(2025)广州市不动产权第0208813号", clerk: "staff2", confirmed: false },
  { certificateNo: "粤(2025)广州市不动产权第0208814号", clerk: "staff", confirmed: true, voidReason: "领取人电话登记有误，作废后重新登记" },
];

async function seedHandouts(db: Db): Promise<number> {
  const units = await db.unit.findMany({
    where: { owners: { some: { client: { kind: "individual", idNumber: { not: null } } } }, building: { project: { code: "JHW" } } },
    orderBy: [{ building: { sortOrder: "asc" } }, { floor: "asc" }, { number: "asc" }],
    take: HANDOUTS.length + 1,
    select: { id: true, owners: { orderBy: [{ since: "asc" }, { clientId: "asc" }], select: { client: { select: { id: true, kind: true, idNumber: true } } } } },
  });
  let created = 0;
  for (const [i, story] of HANDOUTS.entries()) {
    const unit = units[i];
    if (!unit || (await db.certificateHandout.count({ where: { certificateNo: story.certificateNo } })) > 0) continue;
    const owners = unit.owners.map((o) => o.client).filter((c) => c.kind === "individual" && c.idNumber);
    const owner = owners[0]!;
    const clerk = await person(db, story.clerk);
    const h = await createHandout(db, clerk, {
      unitId: unit.id,
      certificateNo: story.certificateNo,
      ownerClientId: owner.id,
      ownerIdNumber: owner.idNumber!,
      recipientKind: story.agent ? "agent" : "owner",
      agentName: story.agent?.name,
      agentIdNumber: story.agent?.idNumber,
      powerOfAttorney: story.agent?.powerOfAttorney,
      confirmed: story.confirmed,
      remarks: story.agent ? "业主出差，委托亲属代领" : undefined,
    });
    if (story.confirmLater) await confirmHandout(db, clerk, h.id);
    if (story.voidReason) {
      await voidHandout(db, clerk, { handoutId: h.id, reason: story.voidReason });
      // The correction: the same hand-out again, with the right phone number.
      await createHandout(db, clerk, { unitId: unit.id, certificateNo: story.certificateNo, ownerClientId: owner.id, ownerIdNumber: owner.idNumber!, recipientKind: "owner", recipientPhone: "13926087415", confirmed: true });
      created++;
    }
    created++;
  }
  return created;
}

export type BorrowingSeedResult = { borrowSlips: number; certificateHandouts: number };

/** Runs after the main seed (its own transactions: the services open them). */
export async function seedBorrowing(db: Db, now = new Date()): Promise<BorrowingSeedResult> {
  return { borrowSlips: await seedLoans(db, now), certificateHandouts: await seedHandouts(db) };
}
