import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { DomainError } from "../errors";
import { dayOf, dateOfDay } from "../archive/retention";
import { hasAnyRole } from "../../auth/roles";
import { APPRAISAL_FINALISERS, isManager, mayScore, visibleRowsWhere, type Viewer } from "./appraisal.policy";
import { availableActions } from "./appraisal.machine";
import { periodLabel } from "./period";
import { presentTemplate, templateSelect } from "./templates.service";
import { ZListAppraisals, type TListAppraisals } from "./appraisal.schema";
import { containsText } from "../search/like-pattern";

// Reading appraisals: every query is narrowed by the viewer's visibility in the WHERE clause
// (own / team / everyone), so another person's appraisal reads as not found.

export const appraisalListSelect = {
  id: true,
  kind: true,
  periodStart: true,
  year: true,
  status: true,
  response: true,
  scoreDe: true,
  scoreQin: true,
  scoreNeng: true,
  scoreJi: true,
  baseScore: true,
  penaltyPoints: true,
  commendationPoints: true,
  total: true,
  scoredAt: true,
  finalisedAt: true,
  correctsId: true,
  correctedBy: { select: { id: true, status: true } },
  template: { select: { version: true, audience: true } },
  employee: { select: { id: true, displayName: true, departmentId: true, department: { select: { name: true } } } },
} satisfies Prisma.AppraisalSelect;

type ListRow = Prisma.AppraisalGetPayload<{ select: typeof appraisalListSelect }>;

export function presentRow(r: ListRow) {
  const periodStart = dayOf(r.periodStart);
  return {
    id: r.id,
    kind: r.kind,
    periodStart,
    period: periodLabel(r.kind, periodStart),
    year: r.year,
    status: r.status,
    response: r.response,
    scores: { de: r.scoreDe.toFixed(2), qin: r.scoreQin.toFixed(2), neng: r.scoreNeng.toFixed(2), ji: r.scoreJi.toFixed(2) },
    base: r.baseScore.toFixed(2),
    penalty: r.penaltyPoints.toFixed(2),
    commendation: r.commendationPoints.toFixed(2),
    total: r.total.toFixed(2),
    scoredAt: r.scoredAt,
    finalisedAt: r.finalisedAt,
    correctsId: r.correctsId,
    correctedById: r.correctedBy?.id ?? null,
    supersededBy: r.correctedBy?.status === "finalised" ? r.correctedBy.id : null,
    templateVersion: r.template.version,
    audience: r.template.audience,
    employee: { id: r.employee.id, name: r.employee.displayName, department: r.employee.department?.name ?? null },
  };
}

function monthRange(year: number, month: number) {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return { gte: dateOfDay(`${year}-${String(month).padStart(2, "0")}-01`), lt: dateOfDay(next) };
}

const ORDER: Record<string, (dir: "asc" | "desc") => Prisma.AppraisalOrderByWithRelationInput[]> = {
  period: (dir) => [{ periodStart: dir }, { createdAt: dir }],
  total: (dir) => [{ total: dir }, { periodStart: "desc" }],
  name: (dir) => [{ employee: { displayName: dir } }, { periodStart: "desc" }],
  status: (dir) => [{ status: dir }, { periodStart: "desc" }],
};

export function listWhere(v: Viewer, input: Omit<ReturnType<typeof ZListAppraisals.parse>, "page" | "pageSize" | "sort" | "dir">): Prisma.AppraisalWhereInput {
  return {
    AND: [
      visibleRowsWhere(v),
      input.year ? { year: input.year } : {},
      input.year && input.month ? { periodStart: monthRange(input.year, input.month) } : {},
      input.kind ? { kind: input.kind } : {},
      input.status ? { status: input.status } : {},
      input.employeeId ? { employeeId: input.employeeId } : {},
      input.q ? { employee: { displayName: containsText(input.q) } } : {},
    ],
  };
}

export async function listAppraisals(db: Db, v: Viewer, raw: TListAppraisals) {
  const input = ZListAppraisals.parse(raw);
  const where = listWhere(v, input);
  const [rows, total] = await Promise.all([
    db.appraisal.findMany({ where, orderBy: ORDER[input.sort]!(input.dir), skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: appraisalListSelect }),
    db.appraisal.count({ where }),
  ]);
  return { rows: rows.map(presentRow), total, page: input.page, pageSize: input.pageSize };
}

async function namesOf(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** One appraisal with its template version, scores, adjustments and what this viewer may do now. */
export async function getAppraisal(db: Db, v: Viewer, appraisalId: string) {
  const a = await db.appraisal.findFirst({
    where: { AND: [{ id: appraisalId }, visibleRowsWhere(v)] },
    select: {
      ...appraisalListSelect,
      summary: true,
      createdById: true,
      createdAt: true,
      scoredById: true,
      responseComment: true,
      respondedAt: true,
      finalisedById: true,
      correctionReason: true,
      template: { select: templateSelect },
      scores: { select: { templateItemId: true, deduction: true, reason: true } },
      adjustments: { orderBy: { sortOrder: "asc" }, select: { id: true, kind: true, points: true, reason: true } },
    },
  });
  if (!a) throw new DomainError("NOT_FOUND");
  const names = await namesOf(db, [a.scoredById, a.finalisedById, a.createdById]);
  const base = presentRow({ ...a, template: { version: a.template.version, audience: a.template.audience } });
  const actions = availableActions(a.status);
  const scorer = mayScore(v, a.employee, a.kind);
  const isEmployee = a.employee.id === v.id;
  const finaliser = hasAnyRole(v.roles, APPRAISAL_FINALISERS) && !isEmployee;
  return {
    ...base,
    summary: a.summary,
    createdAt: a.createdAt,
    createdBy: names.get(a.createdById ?? "") ?? null,
    scoredBy: names.get(a.scoredById ?? "") ?? null,
    finalisedBy: names.get(a.finalisedById ?? "") ?? null,
    responseComment: a.responseComment,
    respondedAt: a.respondedAt,
    correctionReason: a.correctionReason,
    template: presentTemplate(a.template),
    deductions: a.scores.map((s) => ({ itemId: s.templateItemId, deduction: s.deduction.toString(), reason: s.reason })),
    adjustments: a.adjustments.map((x) => ({ id: x.id, kind: x.kind, points: x.points.toString(), reason: x.reason })),
    can: {
      edit: scorer && actions.includes("edit"),
      score: scorer && actions.includes("score"),
      reopen: scorer && actions.includes("reopen"),
      respond: isEmployee && actions.includes("acknowledge"),
      finalise: finaliser && actions.includes("finalise"),
      correct: finaliser && isManager(v) && a.status === "finalised" && !a.correctedBy,
    },
  };
}
export type AppraisalDetail = Awaited<ReturnType<typeof getAppraisal>>;
