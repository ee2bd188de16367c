import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { inTransaction } from "../../db/tx";
import type { Role } from "../../auth/roles";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from "../time";
import { canSeeSecret } from "../archive/archive.policy";
import { dateOfDay, dayOf } from "../archive/retention";
import { daysBetween, daysOverdue } from "./loan-period";
import { MAX_EXPORT_ROWS, ZRegisterFilters, ZRegisterList, type ExportFormat, type RegisterFilters, type TRegisterFilters, type TRegisterList } from "./register.schema";
import { registerFileName, registerTable, toCsv, toXlsx, type RegisterLabels } from "./register-export";
import { cappedTotal, countLimit } from "../capped-count";
import { containsTextInsensitive } from "../search/like-pattern";

// 借阅登记表 (DOMAIN §2, issue 5 item 6): every loan — who, which records, purpose, approver(s),
// dates, returned state — read straight from the slips; it writes nothing but the export's
// audit entry.

/** Statuses in which the records are out of the archive room. */
const OUT: Prisma.BorrowRequestWhereInput["status"] = { in: ["lent", "renewed"] };

function whereOf(f: RegisterFilters, now: Date): Prisma.BorrowRequestWhereInput {
  const and: Prisma.BorrowRequestWhereInput[] = [];
  if (f.from || f.to) {
    const range = { ...(f.from ? { gte: startOfShanghaiDay(f.from) } : {}), ...(f.to ? { lt: endOfShanghaiDay(f.to) } : {}) };
    and.push(f.periodOf === "lent" ? { lentAt: range } : f.periodOf === "returned" ? { returnedAt: range } : { createdAt: range });
  }
  if (f.borrower) {
    and.push({ requester: { OR: [{ displayName: containsTextInsensitive(f.borrower) }, { loginName: containsTextInsensitive(f.borrower) }] } });
  }
  if (f.archiveNo) and.push({ items: { some: { record: { archiveNo: containsTextInsensitive(f.archiveNo) } } } });
  if (f.status) and.push({ status: f.status });
  // Overdue: still out and the due day is behind today's Shanghai date.
  if (f.overdueOnly) and.push({ status: OUT, dueOn: { lt: dateOfDay(shanghaiDay(now)) } });
  return and.length ? { AND: and } : {};
}

function orderOf(f: RegisterFilters): Prisma.BorrowRequestOrderByWithRelationInput[] {
  const dir = f.dir;
  const nullsLast = { sort: dir, nulls: "last" } as const;
  const first: Prisma.BorrowRequestOrderByWithRelationInput =
    f.sort === "requestNo"
      ? { requestNo: dir }
      : f.sort === "borrower"
        ? { requester: { displayName: dir } }
        : f.sort === "lentAt"
          ? { lentAt: nullsLast }
          : f.sort === "dueOn"
            ? { dueOn: dir }
            : f.sort === "returnedAt"
              ? { returnedAt: nullsLast }
              : { createdAt: dir };
  // 借出单 numbers are unique: a stable order for paging whatever the first key.
  return f.sort === "requestNo" ? [first] : [first, { requestNo: dir }];
}

const person = { select: { displayName: true } } as const;
const registerSelect = {
  id: true,
  requestNo: true,
  borrowType: true,
  purpose: true,
  status: true,
  needsSecondApproval: true,
  dueOn: true,
  createdAt: true,
  requester: { select: { displayName: true, loginName: true } },
  approvedBy: person,
  approvedAt: true,
  approvalComment: true,
  secondApprovedBy: person,
  secondApprovedAt: true,
  rejectedBy: person,
  rejectedAt: true,
  rejectComment: true,
  withdrawnAt: true,
  lentBy: person,
  lentAt: true,
  receivedAt: true,
  returnedTo: person,
  returnedAt: true,
  voidedAt: true,
  renewalCount: true,
  items: {
    orderBy: { record: { archiveNo: "asc" } },
    select: { returnCheck: true, returnNote: true, record: { select: { id: true, archiveNo: true, title: true, confidentiality: true } } },
  },
  _count: { select: { renewals: { where: { status: "pending" } } } },
} satisfies Prisma.BorrowRequestSelect;

type RawRow = Prisma.BorrowRequestGetPayload<{ select: typeof registerSelect }>;

export type RegisterRecord = { id: string; archiveNo: string; title: string | null; secret: boolean; returnCheck: "complete" | "incomplete" | null; returnNote: string | null };

export type RegisterRow = {
  id: string;
  requestNo: string;
  borrower: string;
  borrowerLogin: string;
  borrowType: RawRow["borrowType"];
  purpose: string;
  status: RawRow["status"];
  records: RegisterRecord[];
  approvedBy: string | null;
  approvedAt: Date | null;
  approvalComment: string | null;
  needsSecondApproval: boolean;
  secondApprovedBy: string | null;
  secondApprovedAt: Date | null;
  rejectedBy: string | null;
  rejectedAt: Date | null;
  rejectComment: string | null;
  withdrawnAt: Date | null;
  requestedAt: Date;
  lentBy: string | null;
  lentAt: Date | null;
  receivedAt: Date | null;
  dueOn: string;
  returnedTo: string | null;
  returnedAt: Date | null;
  voidedAt: Date | null;
  /** complete: every item came back whole; incomplete: at least one did not; null: not returned. */
  returnedState: "complete" | "incomplete" | null;
  renewalCount: number;
  renewalPending: boolean;
  /** Still out past the due day (days ≥ 1), or returned after it (returnedLate). */
  overdueDays: number;
  returnedLate: boolean;
};

/** A 机密 record's title is kept from roles that may not see 机密 records; its 档号 is not. */
function rowOf(r: RawRow, roles: readonly Role[], now: Date): RegisterRow {
  const seeSecret = canSeeSecret(roles);
  const dueOn = dayOf(r.dueOn);
  const out = r.status === "lent" || r.status === "renewed";
  const records = r.items.map((i) => {
    const secret = i.record.confidentiality === "secret";
    return { id: i.record.id, archiveNo: i.record.archiveNo, title: secret && !seeSecret ? null : i.record.title, secret, returnCheck: i.returnCheck, returnNote: i.returnNote };
  });
  return {
    id: r.id,
    requestNo: r.requestNo,
    borrower: r.requester.displayName,
    borrowerLogin: r.requester.loginName,
    borrowType: r.borrowType,
    purpose: r.purpose,
    status: r.status,
    records,
    approvedBy: r.approvedBy?.displayName ?? null,
    approvedAt: r.approvedAt,
    approvalComment: r.approvalComment,
    needsSecondApproval: r.needsSecondApproval,
    secondApprovedBy: r.secondApprovedBy?.displayName ?? null,
    secondApprovedAt: r.secondApprovedAt,
    rejectedBy: r.rejectedBy?.displayName ?? null,
    rejectedAt: r.rejectedAt,
    rejectComment: r.rejectComment,
    withdrawnAt: r.withdrawnAt,
    requestedAt: r.createdAt,
    lentBy: r.lentBy?.displayName ?? null,
    lentAt: r.lentAt,
    receivedAt: r.receivedAt,
    dueOn,
    returnedTo: r.returnedTo?.displayName ?? null,
    returnedAt: r.returnedAt,
    voidedAt: r.voidedAt,
    returnedState: r.returnedAt ? (records.some((i) => i.returnCheck === "incomplete") ? "incomplete" : "complete") : null,
    renewalCount: r.renewalCount,
    renewalPending: r._count.renewals > 0,
    overdueDays: out ? daysOverdue(dueOn, now) : 0,
    returnedLate: !!r.returnedAt && daysBetween(dueOn, shanghaiDay(r.returnedAt)) > 0,
  };
}

/** One page of the register, with the total and how many loans are overdue right now. */
export async function listRegister(db: Db, roles: readonly Role[], raw: TRegisterList, now = new Date()) {
  const input = ZRegisterList.parse(raw);
  const where = whereOf(input, now);
  const [rows, total, overdueNow] = await Promise.all([
    db.borrowRequest.findMany({ where, orderBy: orderOf(input), skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: registerSelect }),
    db.borrowRequest.count({ where, take: countLimit(input.page, input.pageSize) }),
    db.borrowRequest.count({ where: { status: OUT, dueOn: { lt: dateOfDay(shanghaiDay(now)) } } }),
  ]);
  return { rows: rows.map((r) => rowOf(r, roles, now)), ...cappedTotal(total, input.page, input.pageSize), overdueNow, page: input.page, pageSize: input.pageSize };
}

/** Every row the filters select (no paging), refused above MAX_EXPORT_ROWS so a file stays usable. */
export async function registerRowsForExport(db: Db, roles: readonly Role[], raw: TRegisterFilters, now = new Date()) {
  const filters = ZRegisterFilters.parse(raw);
  const where = whereOf(filters, now);
  const total = await db.borrowRequest.count({ where });
  if (total > MAX_EXPORT_ROWS) throw new DomainError("BORROW_EXPORT_TOO_LARGE", { total, max: MAX_EXPORT_ROWS });
  const rows = await db.borrowRequest.findMany({ where, orderBy: orderOf(filters), select: registerSelect });
  return { filters, rows: rows.map((r) => rowOf(r, roles, now)) };
}

/**
 * The register as a file (CSV with BOM for Excel/WPS, or XLSX), with an audit entry saying who
 * exported which filters and how many loans: the register holds who borrowed what.
 */
export async function exportRegister(db: Db, actor: Actor, roles: readonly Role[], raw: TRegisterFilters, format: ExportFormat, labels: RegisterLabels, now = new Date()) {
  const { filters, rows } = await registerRowsForExport(db, roles, raw, now);
  const table = registerTable(rows, labels);
  const body = format === "csv" ? toCsv(table) : await toXlsx(table, labels.sheetName);
  await inTransaction(db, (tx) =>
    writeAudit(tx, actor, {
      action: "borrowing.register.export",
      entity: "BorrowRegister",
      entityId: null,
      after: { format, rows: rows.length, filters: JSON.parse(JSON.stringify(filters)) as Prisma.InputJsonValue },
    }),
  );
  return { body, rows: rows.length, fileName: registerFileName(labels.sheetName, now, format) };
}
