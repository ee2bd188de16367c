import type { Db } from "../../db/client";
import type { SessionUser } from "../accounts/session";
import { dayOf } from "../archive/retention";
import { visibleRecordsWhere } from "../archive/archive.policy";
import { complaintClocks, isOverdue } from "../complaints/clocks";
import { OPEN_STATUSES } from "../complaints/complaint.machine";
import { clockTimesSelect, mineWhere, overdueWhere, unassignedWhere } from "../complaints/complaints.read";
import { repairsAwaitingCount } from "../complaints/repairs.read";
import { complaintStats } from "../complaints/stats.service";
import { rate } from "../complaints/stats";
import { deskCounts } from "../borrowing/loan-views";
import { listInbox } from "../borrowing/approvals.service";
import { ON_LOAN_STATUSES } from "../borrowing/borrow.machine";
import { daysOverdue } from "../borrowing/loan-period";
import { isLoanOverdue } from "../borrowing/overdue";
import { visibleRowsWhere } from "../appraisal/appraisal.policy";
import { viewerOf } from "../appraisal/viewer";
import { clientFileCompletenessCounts } from "../statistics/client-file-counts";
import { monthRange, shanghaiMonthOf } from "../statistics/months";
import { shanghaiDay } from "../time";
import { dashboardParts } from "./dashboard.policy";

// 工作台 (issue 9 §1): what waits for this person, what is late, and this Shanghai month's key
// figures, each part only for the roles dashboardParts allows. Counts reuse the modules' own
// filters (mineWhere, overdueWhere, the approvals inbox, the desk counts) and run in parallel.

const LIST_SIZE = 6;
const skip = Promise.resolve(null);

async function myComplaints(db: Db, user: SessionUser, now: Date) {
  const [count, overdue, rows] = await Promise.all([
    db.complaint.count({ where: mineWhere(user.id) }),
    db.complaint.count({ where: { AND: [mineWhere(user.id), overdueWhere(now)] } }),
    db.complaint.findMany({
      where: mineWhere(user.id),
      orderBy: [{ promisedReplyAt: "asc" }, { complaintNo: "asc" }],
      take: LIST_SIZE,
      select: {
        ...clockTimesSelect,
        id: true,
        complaintNo: true,
        severity: true,
        complainantName: true,
        category: { select: { name: true } },
      },
    }),
  ]);
  return {
    count,
    overdue,
    rows: rows.map((r) => {
      const clocks = complaintClocks(r, now);
      return { id: r.id, complaintNo: r.complaintNo, status: r.status, severity: r.severity, category: r.category.name, complainantName: r.complainantName, late: isOverdue(clocks), clocks };
    }),
  };
}

async function complaintOverview(db: Db, now: Date) {
  const [overdue, unassigned, open] = await Promise.all([
    db.complaint.count({ where: overdueWhere(now) }),
    db.complaint.count({ where: unassignedWhere() }),
    db.complaint.count({ where: { status: { in: [...OPEN_STATUSES] } } }),
  ]);
  return { overdue, unassigned, open };
}

async function myLoans(db: Db, user: SessionUser, now: Date) {
  const active = ["requested", "pending_second", "approved", ...ON_LOAN_STATUSES] as const;
  const today = new Date(`${shanghaiDay(now)}T00:00:00.000Z`);
  const [onLoan, overdue, waiting, rows] = await Promise.all([
    db.borrowRequest.count({ where: { requesterId: user.id, status: { in: [...ON_LOAN_STATUSES] } } }),
    db.borrowRequest.count({ where: { requesterId: user.id, status: { in: [...ON_LOAN_STATUSES] }, dueOn: { lt: today } } }),
    db.borrowRequest.count({ where: { requesterId: user.id, status: { in: ["requested", "pending_second", "approved"] } } }),
    db.borrowRequest.findMany({
      where: { requesterId: user.id, status: { in: [...active] } },
      orderBy: [{ dueOn: "asc" }, { requestNo: "asc" }],
      take: LIST_SIZE,
      select: { id: true, requestNo: true, status: true, borrowType: true, dueOn: true },
    }),
  ]);
  return {
    onLoan,
    overdue,
    waiting,
    rows: rows.map((r) => {
      const dueOn = dayOf(r.dueOn);
      const late = isLoanOverdue({ status: r.status, dueOn }, now);
      return { ...r, dueOn, overdue: late, daysOverdue: late ? daysOverdue(dueOn, now) : 0 };
    }),
  };
}

async function loanApprovals(db: Db, user: SessionUser, now: Date) {
  const inbox = await listInbox(db, user, { page: 1, pageSize: LIST_SIZE }, now);
  return {
    requests: inbox.counts.requests,
    renewals: inbox.counts.renewals,
    rows: inbox.rows.map((r) => ({ id: r.id, requestNo: r.requestNo, requester: r.requester, borrowType: r.borrowType, status: r.status, createdAt: r.createdAt, needsSecondApproval: r.needsSecondApproval })),
  };
}

type DeskCounts = Awaited<ReturnType<typeof deskCounts>>;

async function monthFigures(db: Db, user: SessionUser, parts: ReturnType<typeof dashboardParts>["figures"], month: string, desk: Promise<DeskCounts | null>, now: Date) {
  const { start, end, firstDay, lastDay } = monthRange(month, month);
  const inMonth = { gte: start, lt: end };
  const complaints = async () => {
    const [s, closed] = await Promise.all([complaintStats(db, { from: firstDay, to: lastDay }, now), db.complaint.count({ where: { closedAt: inMonth } })]);
    return { received: s.total, closed, onTimeReply: s.onTimeReply, callbackRate: s.callbackRate };
  };
  const loans = async () => {
    const [lent, returned, counts] = await Promise.all([db.borrowRequest.count({ where: { lentAt: inMonth } }), db.borrowRequest.count({ where: { returnedAt: inMonth } }), desk]);
    return { lent, returned, overdue: counts!.overdue };
  };
  const archive = async () => {
    // An index-only range count and the sum of the per-place tallies the database keeps.
    const [added, counts] = await Promise.all([db.archiveRecord.count({ where: { createdAt: inMonth, ...visibleRecordsWhere(user.roles) } }), clientFileCompletenessCounts(db, user.roles)]);
    return { added, clientFiles: counts.files, complete: counts.complete, completeRate: rate(counts.complete, counts.files) };
  };
  const appraisals = async () => {
    const viewer = await viewerOf(db, user);
    return { finalised: await db.appraisal.count({ where: { finalisedAt: inMonth, ...visibleRowsWhere(viewer) } }) };
  };
  const [c, l, a, p] = await Promise.all([parts.complaints ? complaints() : skip, parts.loans ? loans() : skip, parts.archive ? archive() : skip, parts.appraisals ? appraisals() : skip]);
  return { month, from: firstDay, to: lastDay, complaints: c, loans: l, archive: a, appraisals: p };
}

export async function homeDashboard(db: Db, user: SessionUser, now = new Date()) {
  const parts = dashboardParts(user.roles);
  const month = shanghaiMonthOf(now);
  const who = { id: user.id, name: user.name, roles: user.roles };
  const count = (on: boolean, run: () => Promise<number>) => (on ? run() : skip);
  // The desk's counts serve the desk card, the overdue card and the month's loan figures: read once.
  const deskRead: Promise<DeskCounts | null> = parts.desk || parts.overdueLoans || parts.figures.loans ? deskCounts(db, now) : skip;
  const [complaints, overview, loans, desk, approvals, weeding, repairs, toScore, toAcknowledge, toFinalise, figures] = await Promise.all([
    parts.myComplaints ? myComplaints(db, user, now) : skip,
    parts.complaintOverview ? complaintOverview(db, now) : skip,
    parts.myLoans ? myLoans(db, user, now) : skip,
    deskRead,
    parts.loanApprovals ? loanApprovals(db, user, now) : skip,
    count(parts.weedingApprovals, () => db.weedingList.count({ where: { status: "submitted", kind: "destroy" } })),
    count(parts.repairApprovals, () => repairsAwaitingCount(db, who)),
    count(parts.appraisalsToScore, () => db.appraisal.count({ where: { status: "draft", createdById: user.id } })),
    count(parts.appraisalsToAcknowledge, () => db.appraisal.count({ where: { employeeId: user.id, status: "scored" } })),
    count(parts.appraisalsToFinalise, () => db.appraisal.count({ where: { status: "confirmed", employeeId: { not: user.id } } })),
    monthFigures(db, user, parts.figures, month, deskRead, now),
  ]);
  return {
    parts,
    complaints,
    complaintOverview: overview,
    loans,
    // The desk's four tabs for the archive room; the overdue figure alone for the register's readers.
    desk: desk && parts.desk ? desk : null,
    overdueLoans: desk && parts.overdueLoans ? desk.overdue : null,
    approvals: { loans: approvals, weeding, repairs, appraisalsToScore: toScore, appraisalsToAcknowledge: toAcknowledge, appraisalsToFinalise: toFinalise },
    figures,
  };
}

export type HomeDashboard = Awaited<ReturnType<typeof homeDashboard>>;
