import type { Db } from "../../db/client";
import type { AppraisalKind, AppraisalStatus, Prisma } from "../../db/generated/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { notify, activeUserIdsWithRoles } from "../notifications/notify";
import { dateOfDay, dayOf } from "../archive/retention";
import { APPRAISAL_FINALISERS, APPRAISED_ROLES, assertMayScore, audienceOf, type Viewer } from "./appraisal.policy";
import { fromStatusesOf, transition, type AppraisalAction } from "./appraisal.machine";
import { periodLabel, periodStartOf } from "./period";
import { scoreAppraisal, type Adjustment, type Deduction, type ScoreResult } from "./scoring";
import { currentTemplate } from "./templates.service";
import type { TCreateAppraisal, TSaveScores } from "./appraisal.schema";

// Writing appraisals: every change is a conditional update on the status it was read in, inside
// one SERIALIZABLE transaction with its audit entry, so of two simultaneous decisions one wins
// and the other is told clearly why it did not.

type Who = Actor & { id: string };

function totalsData(r: ScoreResult) {
  return {
    scoreDe: r.byDimension.de.toString(),
    scoreQin: r.byDimension.qin.toString(),
    scoreNeng: r.byDimension.neng.toString(),
    scoreJi: r.byDimension.ji.toString(),
    baseScore: r.base.toString(),
    penaltyPoints: r.penalty.toString(),
    commendationPoints: r.commendation.toString(),
    total: r.total.toString(),
  };
}

async function appraisableEmployee(tx: Tx, employeeId: string) {
  const e = await tx.user.findFirst({
    where: { id: employeeId, isActive: true, roles: { some: { role: { in: [...APPRAISED_ROLES] } } } },
    select: { id: true, displayName: true, departmentId: true, roles: { select: { role: true } } },
  });
  if (!e) throw new DomainError("APPRAISAL_NOT_APPRAISABLE");
  return { ...e, roles: e.roles.map((r) => r.role) };
}

/** A new 草稿 on the current template version of the employee's audience (操作层 / 管理层). */
export async function createAppraisal(db: Db, actor: Who, v: Viewer, input: TCreateAppraisal) {
  const { periodStart, year } = periodStartOf(input.kind, input.period);
  // 抽检 may happen any number of times; the other kinds once per person and period.
  const slotKey = input.kind === "spot_check" ? null : `${input.employeeId}:${input.kind}:${periodStart}`;
  try {
    return await inTransaction(db, async (tx) => {
      const employee = await appraisableEmployee(tx, input.employeeId);
      assertMayScore(v, employee, input.kind);
      const template = await currentTemplate(tx, audienceOf(employee.roles));
      const full = scoreAppraisal(template.items, []);
      const created = await tx.appraisal.create({
        data: { employeeId: employee.id, kind: input.kind, periodStart: dateOfDay(periodStart), year, templateId: template.id, slotKey, createdById: actor.id, ...totalsData(full) },
        select: { id: true, kind: true, status: true },
      });
      await writeAudit(tx, actor, {
        action: "appraisal.create",
        entity: "Appraisal",
        entityId: created.id,
        after: { employee: employee.displayName, kind: input.kind, period: periodLabel(input.kind, periodStart), template: `${template.audience} v${template.version}`, status: "draft" },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      // The refusal links to the appraisal that holds the slot, so the user can open it at once.
      const existing = slotKey ? await db.appraisal.findUnique({ where: { slotKey }, select: { id: true } }) : null;
      throw new DomainError(
        "APPRAISAL_SLOT_TAKEN",
        { period: periodLabel(input.kind, periodStart), ...(existing ? { existingId: existing.id } : {}) },
        { field: "period", link: existing ? `/appraisal/${existing.id}` : undefined },
      );
    }
    throw e;
  }
}

const lockedSelect = {
  id: true,
  status: true,
  kind: true,
  periodStart: true,
  total: true,
  employeeId: true,
  scoredById: true,
  response: true,
  templateId: true,
  employee: { select: { id: true, displayName: true, departmentId: true } },
} satisfies Prisma.AppraisalSelect;

async function load(tx: Tx, appraisalId: string) {
  const a = await tx.appraisal.findUnique({ where: { id: appraisalId }, select: lockedSelect });
  if (!a) throw new DomainError("NOT_FOUND");
  return a;
}

/** A refused conditional update: say what the appraisal is now (定稿 is its own message). */
async function refuseStale(tx: Tx, appraisalId: string): Promise<never> {
  const now = await tx.appraisal.findUnique({ where: { id: appraisalId }, select: { status: true } });
  throw new DomainError(now?.status === "finalised" ? "APPRAISAL_FINALISED" : "APPRAISAL_WRONG_STATUS");
}

async function guardedUpdate(tx: Tx, appraisalId: string, action: AppraisalAction, data: Prisma.AppraisalUpdateManyMutationInput) {
  const { count } = await tx.appraisal.updateMany({ where: { id: appraisalId, status: { in: fromStatusesOf(action) } }, data });
  if (count !== 1) await refuseStale(tx, appraisalId);
}

/**
 * Saves the deductions, penalties and commendations of a 草稿 and the totals they give. Items
 * not listed keep full marks. The scores are replaced as a whole (a trigger refuses this once
 * the appraisal is 定稿).
 */
export async function saveScores(db: Db, actor: Who, v: Viewer, input: TSaveScores) {
  return inTransaction(db, async (tx) => {
    const a = await load(tx, input.appraisalId);
    assertMayScore(v, a.employee, a.kind);
    transition(a.status, "edit");
    const items = await tx.appraisalTemplateItem.findMany({ where: { templateId: a.templateId }, select: { id: true, dimension: true, name: true, maxScore: true } });
    const deductions: Deduction[] = input.deductions.filter((d) => Number(d.deduction) > 0 || d.reason);
    const adjustments: Adjustment[] = input.adjustments;
    const result = scoreAppraisal(items, deductions, adjustments);
    await guardedUpdate(tx, a.id, "edit", { ...totalsData(result), summary: input.summary?.trim() || null });
    await tx.appraisalScore.deleteMany({ where: { appraisalId: a.id } });
    await tx.appraisalAdjustment.deleteMany({ where: { appraisalId: a.id } });
    const scored = result.items.filter((i) => i.deduction.gt(0));
    if (scored.length) await tx.appraisalScore.createMany({ data: scored.map((i) => ({ appraisalId: a.id, templateItemId: i.itemId, deduction: i.deduction.toString(), reason: i.reason })) });
    if (adjustments.length) await tx.appraisalAdjustment.createMany({ data: adjustments.map((x, n) => ({ appraisalId: a.id, kind: x.kind, points: x.points, reason: x.reason.trim(), sortOrder: n })) });
    const names = new Map(items.map((i) => [i.id, i.name]));
    await writeAudit(tx, actor, {
      action: "appraisal.edit",
      entity: "Appraisal",
      entityId: a.id,
      before: { total: a.total.toFixed(2) },
      after: {
        total: result.total.toFixed(2),
        deductions: scored.map((i) => `${names.get(i.itemId)} -${i.deduction.toString()}：${i.reason}`),
        adjustments: adjustments.map((x) => `${x.kind === "penalty" ? "-" : "+"}${x.points}：${x.reason}`),
      },
    });
    return { id: a.id, total: result.total.toFixed(2) };
  });
}

type Move = { action: Exclude<AppraisalAction, "edit">; comment?: string | null };

const KIND_PARAM = (kind: AppraisalKind) => kind;

/** One workflow step: who may take it is checked here as well as by the procedure's roles. */
export async function moveAppraisal(db: Db, actor: Who, v: Viewer, appraisalId: string, move: Move) {
  return inTransaction(db, async (tx) => {
    const a = await load(tx, appraisalId);
    const isEmployee = a.employeeId === v.id;
    const to: AppraisalStatus = transition(a.status, move.action);
    const now = new Date();
    const data: Prisma.AppraisalUpdateManyMutationInput = { status: to };
    switch (move.action) {
      case "score":
      case "reopen":
        assertMayScore(v, a.employee, a.kind);
        if (move.action === "score") Object.assign(data, { scoredById: actor.id, scoredAt: now, response: null, responseComment: null, respondedAt: null });
        break;
      case "acknowledge":
      case "dispute":
        // Only the person appraised answers for themselves (DOMAIN §4).
        if (!isEmployee) throw new DomainError("APPRAISAL_NOT_YOURS");
        Object.assign(data, { response: move.action === "acknowledge" ? "acknowledged" : "disputed", responseComment: move.comment?.trim() || null, respondedAt: now });
        break;
      case "finalise":
        if (isEmployee) throw new DomainError("APPRAISAL_SELF");
        Object.assign(data, { finalisedById: actor.id, finalisedAt: now });
        break;
    }
    await guardedUpdate(tx, a.id, move.action, data);
    const period = periodLabel(a.kind, dayOf(a.periodStart));
    await writeAudit(tx, actor, {
      action: `appraisal.${move.action}`,
      entity: "Appraisal",
      entityId: a.id,
      before: { status: a.status, total: a.total.toFixed(2), ...(a.response ? { response: a.response } : {}) },
      after: { status: to, employee: a.employee.displayName, kind: a.kind, period, ...(move.comment ? { comment: move.comment } : {}) },
    });
    const link = `/appraisal/${a.id}`;
    const params = { kind: KIND_PARAM(a.kind), period, name: a.employee.displayName, total: a.total.toFixed(2) };
    if (move.action === "score") {
      await notify(tx, { userIds: [a.employeeId], kind: "appraisalAwaitingAck", params, link, dedupeKey: `appraisal-ack:${a.id}:${now.getTime()}` });
    } else if (move.action === "acknowledge" || move.action === "dispute") {
      const managers = await activeUserIdsWithRoles(tx, APPRAISAL_FINALISERS, a.employeeId);
      const to = move.action === "dispute" && a.scoredById ? [...managers, a.scoredById] : managers;
      await notify(tx, { userIds: to, kind: move.action === "dispute" ? "appraisalDisputed" : "appraisalAwaitingFinal", params, link, dedupeKey: `appraisal-${move.action}:${a.id}:${now.getTime()}` });
    } else if (move.action === "finalise") {
      await notify(tx, { userIds: [a.employeeId], kind: "appraisalFinalised", params, link, dedupeKey: `appraisal-final:${a.id}` });
    }
    return { id: a.id, status: to };
  });
}

/**
 * 更正: a finalised appraisal never changes; a correction is a new 草稿 linked to it (one per
 * entry, a unique key), starting from the same template version and scores. Once the correction
 * is finalised it replaces the original in the year-end formula and the statistics.
 */
export async function correctAppraisal(db: Db, actor: Who, v: Viewer, input: { appraisalId: string; reason: string }) {
  try {
    return await inTransaction(db, async (tx) => {
      const a = await tx.appraisal.findUnique({
        where: { id: input.appraisalId },
        select: { ...lockedSelect, year: true, templateId: true, summary: true, correctedBy: { select: { id: true } }, scores: true, adjustments: true, scoreDe: true, scoreQin: true, scoreNeng: true, scoreJi: true, baseScore: true, penaltyPoints: true, commendationPoints: true },
      });
      if (!a) throw new DomainError("NOT_FOUND");
      if (a.employeeId === v.id) throw new DomainError("APPRAISAL_SELF");
      if (a.status !== "finalised") throw new DomainError("APPRAISAL_WRONG_STATUS");
      if (a.correctedBy) throw new DomainError("APPRAISAL_ALREADY_CORRECTED");
      const created = await tx.appraisal.create({
        data: {
          employeeId: a.employeeId,
          kind: a.kind,
          periodStart: a.periodStart,
          year: a.year,
          templateId: a.templateId,
          correctsId: a.id,
          correctionReason: input.reason.trim(),
          summary: a.summary,
          createdById: actor.id,
          scoreDe: a.scoreDe,
          scoreQin: a.scoreQin,
          scoreNeng: a.scoreNeng,
          scoreJi: a.scoreJi,
          baseScore: a.baseScore,
          penaltyPoints: a.penaltyPoints,
          commendationPoints: a.commendationPoints,
          total: a.total,
          scores: { create: a.scores.map((s) => ({ templateItemId: s.templateItemId, deduction: s.deduction, reason: s.reason })) },
          adjustments: { create: a.adjustments.map((x) => ({ kind: x.kind, points: x.points, reason: x.reason, sortOrder: x.sortOrder })) },
        },
        select: { id: true, status: true },
      });
      await writeAudit(tx, actor, {
        action: "appraisal.correct",
        entity: "Appraisal",
        entityId: created.id,
        before: { corrects: a.id, status: a.status, total: a.total.toFixed(2) },
        after: { status: "draft", employee: a.employee.displayName, kind: a.kind, period: periodLabel(a.kind, dayOf(a.periodStart)), reason: input.reason.trim() },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("APPRAISAL_ALREADY_CORRECTED");
    throw e;
  }
}

/** People this viewer may create an assessment for (the new-appraisal form's picker). */
export async function appraisableFor(db: Db, v: Viewer) {
  const rows = await db.user.findMany({
    where: { AND: [{ isActive: true, id: { not: v.id }, roles: { some: { role: { in: [...APPRAISED_ROLES] } } } }, v.roles.includes("manager") ? {} : { departmentId: v.departmentId ?? "00000000-0000-0000-0000-000000000000" }] },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true, department: { select: { name: true } }, roles: { select: { role: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.displayName, department: r.department?.name ?? null, audience: audienceOf(r.roles.map((x) => x.role)) }));
}
