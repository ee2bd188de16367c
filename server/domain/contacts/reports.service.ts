import type { Db } from "../../db/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import type { Prisma } from "../../db/generated/client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/audit-log";
import type { Who } from "../complaints/shared";
import { figureLines, tallyFigures, type ReportFigures } from "./report-figures";
import { isGeneratable, periodLabel, periodOfKey, type ReportKind, type ReportPeriod } from "./report-periods";
import { ZListReports, ZReportPeriodInput, ZReportRegenerate, ZReportSign, ZReportSupersede, type TListReports, type TReportPeriodInput, type TReportSign, type TReportSupersede } from "./reports.schema";

// 客户来电来访情况 (000 §13): generated from the register and the complaints (the figures are
// frozen in the row), reviewed, remarked and signed by the CS specialist. A signed report is
// never regenerated; a correction supersedes it with a new version. One live version per period.

export function liveKeyOf(kind: ReportKind, periodKey: string): string {
  return `${kind}:${periodKey}`;
}

function periodOrThrow(kind: ReportKind, key: string): ReportPeriod {
  const p = periodOfKey(kind, key);
  if (!p) throw new DomainError("REPORT_PERIOD_INVALID");
  return p;
}

/** The figures of a period as the database holds them now. */
export async function computeFigures(db: Db | Tx, p: ReportPeriod): Promise<ReportFigures> {
  const within = { gte: p.start, lt: p.end };
  const [contacts, complaintsReceived, complaintsResolved, complaintsClosed, callbacks, repairsRegistered, repairsDone] = await Promise.all([
    db.contactLog.findMany({ where: { occurredAt: within }, select: { channel: true, purpose: true, followUpNeeded: true, followUpDoneAt: true, complaintId: true, repairId: true, voidedAt: true } }),
    db.complaint.findMany({ where: { receivedAt: within }, select: { severity: true } }),
    db.complaint.count({ where: { resolvedAt: within } }),
    db.complaint.count({ where: { closedAt: within } }),
    db.serviceCallback.findMany({ where: { calledAt: within }, select: { satisfaction: true, complaintId: true } }),
    db.repairOrder.count({ where: { createdAt: within } }),
    db.repairOrder.count({ where: { doneAt: within } }),
  ]);
  return tallyFigures({
    contacts,
    complaintsReceived,
    complaintsResolved,
    complaintsClosed,
    callbacks: callbacks.map((b) => ({ satisfaction: b.satisfaction, isComplaint: !!b.complaintId })),
    repairsRegistered,
    repairsDone,
  });
}

const reportSelect = {
  id: true,
  kind: true,
  periodKey: true,
  periodStart: true,
  periodEnd: true,
  dueAt: true,
  reportVersion: true,
  status: true,
  figures: true,
  generatedAt: true,
  generatedByName: true,
  remarks: true,
  signedAt: true,
  signedByName: true,
  supersededAt: true,
  supersedeReason: true,
  version: true,
} satisfies Prisma.ContactReportSelect;

async function createVersion(tx: Tx, who: Who, p: ReportPeriod, reportVersion: number, now: Date) {
  const figures = await computeFigures(tx, p);
  return tx.contactReport.create({
    data: {
      kind: p.kind,
      periodKey: p.key,
      periodStart: p.start,
      periodEnd: p.end,
      dueAt: p.dueAt,
      reportVersion,
      liveKey: liveKeyOf(p.kind, p.key),
      figures,
      generatedAt: now,
      generatedById: who.id,
      generatedByName: who.name,
    },
    select: { id: true, reportVersion: true },
  });
}

/**
 * 生成: the live report of the period, created from the data if there is none. Two people
 * generating the same period at once get the same report (UNIQUE liveKey decides).
 */
export async function generateReport(db: Db, who: Who, raw: TReportPeriodInput) {
  const input = ZReportPeriodInput.parse(raw);
  const p = periodOrThrow(input.kind, input.periodKey);
  const now = new Date();
  if (!isGeneratable(p, now)) throw new DomainError("REPORT_PERIOD_NOT_DUE", { period: periodLabel(p) });
  const liveKey = liveKeyOf(p.kind, p.key);
  try {
    return await inTransaction(db, async (tx) => {
      const live = await tx.contactReport.findUnique({ where: { liveKey }, select: { id: true } });
      if (live) return { id: live.id, created: false };
      const versions = await tx.contactReport.count({ where: { kind: p.kind, periodKey: p.key } });
      const r = await createVersion(tx, who, p, versions + 1, now);
      await writeAudit(tx, who, { action: "contactReport.generate", entity: "ContactReport", entityId: r.id, after: { kind: p.kind, period: periodLabel(p), reportVersion: r.reportVersion } });
      return { id: r.id, created: true };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const live = await db.contactReport.findUnique({ where: { liveKey }, select: { id: true } });
    if (!live) throw e;
    return { id: live.id, created: false };
  }
}

async function loadReport(tx: Tx, reportId: string, version: number | undefined) {
  const r = await tx.contactReport.findUnique({ where: { id: reportId } });
  if (!r) throw new DomainError("NOT_FOUND");
  if (version !== undefined && version !== r.version) throw new DomainError("REPORT_CHANGED");
  return r;
}

async function updateAt(tx: Tx, r: { id: string; version: number }, where: Prisma.ContactReportWhereInput, data: Prisma.ContactReportUpdateManyMutationInput) {
  const res = await tx.contactReport.updateMany({ where: { id: r.id, version: r.version, ...where }, data: { ...data, version: { increment: 1 } } });
  if (res.count !== 1) throw new DomainError("REPORT_CHANGED");
}

/** 重新生成: a draft takes today's figures (a late entry, a voided one); a signed one never does. */
export async function regenerateReport(db: Db, who: Who, raw: { reportId: string; version?: number }) {
  const input = ZReportRegenerate.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await loadReport(tx, input.reportId, input.version);
    if (r.status === "signed") throw new DomainError("REPORT_SIGNED");
    if (r.status !== "draft") throw new DomainError("REPORT_NOT_DRAFT");
    const p = periodOrThrow(r.kind, r.periodKey);
    const figures = await computeFigures(tx, p);
    const now = new Date();
    await updateAt(tx, r, { status: "draft" }, { figures, generatedAt: now, generatedById: who.id, generatedByName: who.name });
    await writeAudit(tx, who, { action: "contactReport.regenerate", entity: "ContactReport", entityId: r.id, before: { figures: r.figures as Prisma.InputJsonValue }, after: { figures } });
    return { id: r.id };
  });
}

/** 签字: the CS specialist reviews the figures, adds remarks and signs; the report is then final. */
export async function signReport(db: Db, who: Who, raw: TReportSign) {
  const input = ZReportSign.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await loadReport(tx, input.reportId, input.version);
    if (r.status === "signed") throw new DomainError("REPORT_SIGNED");
    if (r.status !== "draft") throw new DomainError("REPORT_NOT_DRAFT");
    const now = new Date();
    await updateAt(tx, r, { status: "draft" }, { status: "signed", remarks: input.remarks || null, signedAt: now, signedById: who.id, signedByName: who.name });
    await writeAudit(tx, who, { action: "contactReport.sign", entity: "ContactReport", entityId: r.id, before: { status: "draft" }, after: { status: "signed", kind: r.kind, period: r.periodKey, remarks: input.remarks } });
    return { id: r.id };
  });
}

/** 作废重出: a signed report found wrong is kept (superseded, with the reason) and a new draft version takes its place. */
export async function supersedeReport(db: Db, who: Who, raw: TReportSupersede) {
  const input = ZReportSupersede.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await loadReport(tx, input.reportId, input.version);
    if (r.status !== "signed") throw new DomainError("REPORT_NOT_SIGNED");
    const now = new Date();
    await updateAt(tx, r, { status: "signed" }, { status: "superseded", liveKey: null, supersededAt: now, supersedeReason: input.reason });
    const p = periodOrThrow(r.kind, r.periodKey);
    const next = await createVersion(tx, who, p, r.reportVersion + 1, now);
    await writeAudit(tx, who, { action: "contactReport.supersede", entity: "ContactReport", entityId: r.id, before: { status: "signed", reportVersion: r.reportVersion }, after: { status: "superseded", reason: input.reason, newReportId: next.id, newReportVersion: next.reportVersion } });
    return { id: next.id };
  });
}

function view(r: Prisma.ContactReportGetPayload<{ select: typeof reportSelect }>) {
  const p = periodOfKey(r.kind, r.periodKey);
  const figures = r.figures as unknown as ReportFigures;
  return { ...r, figures, lines: figureLines(figures), periodLabel: p ? periodLabel(p) : r.periodKey };
}

export async function getReport(db: Db, reportId: string) {
  const r = await db.contactReport.findUnique({ where: { id: reportId }, select: reportSelect });
  if (!r) throw new DomainError("NOT_FOUND");
  const versions = await db.contactReport.findMany({ where: { kind: r.kind, periodKey: r.periodKey }, orderBy: { reportVersion: "asc" }, select: { id: true, reportVersion: true, status: true } });
  return { ...view(r), versions };
}

export async function listReports(db: Db, raw: TListReports) {
  const input = ZListReports.parse(raw);
  const where: Prisma.ContactReportWhereInput = {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.status ? { status: input.status } : input.includeSuperseded ? {} : { status: { not: "superseded" } }),
  };
  const [total, rows] = await Promise.all([
    db.contactReport.count({ where }),
    db.contactReport.findMany({ where, orderBy: [{ periodStart: "desc" }, { kind: "asc" }, { reportVersion: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: reportSelect }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, rows: rows.map(view) };
}
