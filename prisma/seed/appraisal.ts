// 绩效考核 demo data: both templates (version 1), a complete previous year (every kind finalised,
// so the year-end table and 优秀员工 show real figures) and the current year up to last month,
// plus results waiting at each step of the workflow, and a few disciplinary fines.
// Idempotent: nothing is added once the demo staff have any appraisal.
import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import type { Tx } from "../../server/db/tx";
import type { AppraisalKind, Prisma } from "../../server/db/generated/client";
import { currentTemplate } from "../../server/domain/appraisal/templates.service";
import { audienceOf } from "../../server/domain/appraisal/appraisal.policy";
import { scoreAppraisal, type Deduction } from "../../server/domain/appraisal/scoring";
import { periodStartOf } from "../../server/domain/appraisal/period";
import { proposeFine, ruleGroup, type FineRule } from "../../server/domain/appraisal/fines";
import { shanghaiDay } from "../../server/domain/time";
import { createRng, type Rng } from "./prng";
import type { SeedResult } from "./departments";

const REASONS: Record<string, string[]> = {
  de: ["接待业主时语气生硬", "工作时间闲聊", "未按规定着装", "与同事沟通不畅"],
  qin: ["迟到一次", "未参加部门例会", "回访任务需督促才完成", "与工程部协调不及时"],
  neng: ["按揭资料审核有疏漏", "交房现场组织欠条理", "资料归档不及时", "无改进建议"],
  ji: ["两单投诉超过4小时未回复", "培训考核补考一次", "回访满意度偏低", "签约资料差错一处"],
};

type Plan = { login: string; kind: AppraisalKind; period: string; total: number; commendation?: number; stage?: "draft" | "scored" | "disputed" | "finalised" };

/** 王丽娜's previous year is the worked example of year-end.test.ts: 92.75. */
export function workedExamplePlans(prev: number): Plan[] {
  return [
    { login: "staff", kind: "weekly_check", period: `${prev}-10-06`, total: 92 },
    { login: "staff", kind: "weekly_check", period: `${prev}-11-03`, total: 95 },
    { login: "staff", kind: "weekly_check", period: `${prev}-12-01`, total: 88 },
    { login: "staff", kind: "monthly_check", period: `${prev}-12`, total: 90 },
    { login: "staff", kind: "monthly", period: `${prev}-10`, total: 88 },
    { login: "staff", kind: "monthly", period: `${prev}-11`, total: 91 },
    { login: "staff", kind: "monthly", period: `${prev}-12`, total: 96 },
    { login: "staff", kind: "year_end", period: String(prev), total: 94 },
  ];
}

const pad = (n: number) => String(n).padStart(2, "0");

export function demoPlans(today: string): Plan[] {
  const year = Number(today.slice(0, 4));
  const lastMonth = Number(today.slice(5, 7)) - 1;
  const prev = year - 1;
  const rng = createRng(20260307);
  const plans: Plan[] = workedExamplePlans(prev);
  // 刘洋 collects commendations: above 100 after weighting (优秀员工).
  const people: { login: string; base: number; spread: number; commend?: boolean }[] = [
    { login: "staff2", base: 97, spread: 3, commend: true },
    { login: "huang.wei", base: 86, spread: 6 },
    { login: "liu.fang", base: 92, spread: 4 },
    { login: "archivist", base: 90, spread: 5 },
    { login: "supervisor", base: 93, spread: 4 },
  ];
  const score = (p: (typeof people)[number]) => Math.min(100, p.base + rng.int(-p.spread, p.spread));
  for (const p of people) {
    for (const [y, months] of [[prev, 12], [year, lastMonth]] as const) {
      for (let m = 1; m <= months; m++) {
        const commendation = p.commend && m % 3 === 0 ? rng.int(3, 6) : undefined;
        plans.push({ login: p.login, kind: "monthly", period: `${y}-${pad(m)}`, total: score(p), commendation });
        plans.push({ login: p.login, kind: "monthly_check", period: `${y}-${pad(m)}`, total: score(p), commendation: p.commend && m % 4 === 0 ? 4 : undefined });
        if (m % 3 === 1) plans.push({ login: p.login, kind: "weekly_check", period: `${y}-${pad(m)}-15`, total: score(p) });
      }
    }
    plans.push({ login: p.login, kind: "year_end", period: String(prev), total: score(p), commendation: p.commend ? 8 : undefined });
  }
  plans.push({ login: "staff", kind: "spot_check", period: `${year}-${pad(Math.max(1, lastMonth))}-12`, total: 97 });
  for (let m = 1; m <= lastMonth; m++) {
    plans.push({ login: "staff", kind: "monthly", period: `${year}-${pad(m)}`, total: 90 + rng.int(0, 8) });
    plans.push({ login: "staff", kind: "monthly_check", period: `${year}-${pad(m)}`, total: 89 + rng.int(0, 9) });
  }
  // This month: waiting at each step of the workflow.
  const month = `${year}-${today.slice(5, 7)}`;
  plans.push({ login: "staff", kind: "monthly", period: month, total: 93, stage: "scored" });
  plans.push({ login: "staff2", kind: "monthly", period: month, total: 95, stage: "disputed" });
  plans.push({ login: "huang.wei", kind: "monthly", period: month, total: 88, stage: "draft" });
  return plans;
}

function deductionsFor(items: { id: string; dimension: string; maxScore: Decimal.Value }[], points: number, rng: Rng): Deduction[] {
  const left = new Map(items.map((i) => [i.id, new Decimal(i.maxScore)]));
  const out = new Map<string, Decimal>();
  let remaining = new Decimal(points);
  while (remaining.gt(0)) {
    const item = rng.pick(items.filter((i) => left.get(i.id)!.gt(0)));
    const step = Decimal.min(remaining, left.get(item.id)!, rng.pick([0.5, 1, 1, 2]));
    out.set(item.id, (out.get(item.id) ?? new Decimal(0)).plus(step));
    left.set(item.id, left.get(item.id)!.minus(step));
    remaining = remaining.minus(step);
  }
  return [...out].map(([itemId, d]) => ({ itemId, deduction: d.toString(), reason: rng.pick(REASONS[items.find((i) => i.id === itemId)!.dimension]!) }));
}

export async function seedAppraisals(tx: Tx, now = new Date()): Promise<SeedResult> {
  const logins = ["staff", "staff2", "huang.wei", "liu.fang", "archivist", "supervisor", "manager"];
  const users = await tx.user.findMany({ where: { loginName: { in: logins } }, select: { id: true, loginName: true, roles: { select: { role: true } } } });
  const byLogin = new Map(users.map((u) => [u.loginName, { id: u.id, roles: u.roles.map((r) => r.role) }]));
  const manager = byLogin.get("manager");
  const supervisor = byLogin.get("supervisor");
  if (!manager || !supervisor) return { created: 0 };
  const staffIds = users.filter((u) => u.loginName !== "manager").map((u) => u.id);
  if ((await tx.appraisal.count({ where: { employeeId: { in: staffIds } } })) > 0) return { created: 0 };

  const templates = { operational: await currentTemplate(tx, "operational"), management: await currentTemplate(tx, "management") };
  const rng = createRng(77);
  // Written in a few batched statements (not ~1,000 round trips): the whole demo seed is one
  // transaction with a time limit, and one insert per row overran it on a loaded machine.
  // Rows go in as 草稿 with their scores, then move to their stage (a finalised appraisal's
  // scores cannot be inserted afterwards: the trigger refuses it).
  type Row = Prisma.AppraisalCreateManyInput;
  const rows: Row[] = [];
  const scores: Prisma.AppraisalScoreCreateManyInput[] = [];
  const adjustmentRows: Prisma.AppraisalAdjustmentCreateManyInput[] = [];
  const byStage: Record<"scored" | "confirmed" | "finalised", string[]> = { scored: [], confirmed: [], finalised: [] };
  const day = 86_400_000;
  for (const plan of demoPlans(shanghaiDay(now))) {
    const employee = byLogin.get(plan.login);
    if (!employee) continue;
    const template = templates[audienceOf(employee.roles)];
    const adjustments = plan.commendation ? [{ kind: "commendation" as const, points: String(plan.commendation), reason: "获公司嘉奖（业主表扬信）" }] : [];
    const deductions = deductionsFor(template.items, 100 - plan.total, rng);
    const r = scoreAppraisal(template.items, deductions, adjustments);
    const { periodStart, year } = periodStartOf(plan.kind, plan.period);
    const isCheck = ["weekly_check", "monthly_check", "spot_check"].includes(plan.kind);
    const scorerId = isCheck && plan.login !== "supervisor" ? supervisor.id : manager.id;
    // Scored a month after the period (a year-end in the next January), answered a day later,
    // finalised the day after — all before today.
    const scoredAt = new Date(Math.min(now.getTime() - 3 * day, new Date(`${periodStart}T10:00:00+08:00`).getTime() + (plan.kind === "year_end" ? 370 : 32) * day));
    const later = new Date(scoredAt.getTime() + day);
    const stage = plan.stage ?? "finalised";
    const id = randomUUID();
    rows.push({
      id,
      employeeId: employee.id,
      kind: plan.kind,
      periodStart: new Date(`${periodStart}T00:00:00Z`),
      year,
      templateId: template.id,
      slotKey: plan.kind === "spot_check" ? null : `${employee.id}:${plan.kind}:${periodStart}`,
      createdById: scorerId,
      createdAt: scoredAt,
      scoreDe: r.byDimension.de.toString(),
      scoreQin: r.byDimension.qin.toString(),
      scoreNeng: r.byDimension.neng.toString(),
      scoreJi: r.byDimension.ji.toString(),
      baseScore: r.base.toString(),
      penaltyPoints: r.penalty.toString(),
      commendationPoints: r.commendation.toString(),
      total: r.total.toString(),
      ...(stage !== "draft" ? { scoredById: scorerId, scoredAt } : {}),
      ...(stage === "disputed" ? { response: "disputed" as const, responseComment: "本月工作效率扣分偏多，两单超时是因工程部未及时反馈", respondedAt: later } : {}),
      ...(stage === "finalised" ? { response: "acknowledged" as const, respondedAt: later, finalisedById: manager.id, finalisedAt: new Date(later.getTime() + day) } : {}),
    });
    for (const i of r.items.filter((x) => x.deduction.gt(0))) scores.push({ appraisalId: id, templateItemId: i.itemId, deduction: i.deduction.toString(), reason: i.reason });
    adjustments.forEach((a, n) => adjustmentRows.push({ appraisalId: id, ...a, sortOrder: n }));
    if (stage !== "draft") byStage[stage === "disputed" ? "confirmed" : stage].push(id);
  }
  await tx.appraisal.createMany({ data: rows });
  await tx.appraisalScore.createMany({ data: scores });
  if (adjustmentRows.length) await tx.appraisalAdjustment.createMany({ data: adjustmentRows });
  for (const status of ["scored", "confirmed", "finalised"] as const) {
    if (byStage[status].length) await tx.appraisal.updateMany({ where: { id: { in: byStage[status] } }, data: { status } });
  }
  let created = rows.length;

  // 黄伟: rules 1–11 twice at 20 元, the third time 50 元; 刘芳: one private long-distance call.
  const year = Number(shanghaiDay(now).slice(0, 4));
  const fines: { login: string; rule: FineRule; on: string; text: string; cost?: string }[] = [
    { login: "huang.wei", rule: 2, on: `${year}-03-12`, text: "上班时间在前台吃早餐" },
    { login: "huang.wei", rule: 7, on: `${year}-06-03`, text: "接待台长时间接打私人电话约 20 分钟" },
    { login: "huang.wei", rule: 9, on: `${year}-09-18`, text: "未穿工服上岗" },
    { login: "liu.fang", rule: 14, on: `${year}-05-20`, text: "用前台电话拨打私人长途", cost: "18.60" },
  ];
  const counts = new Map<string, number>();
  for (const f of fines) {
    const e = byLogin.get(f.login);
    if (!e) continue;
    const key = `${f.login}:${ruleGroup(f.rule)}`;
    const prior = counts.get(key) ?? 0;
    counts.set(key, prior + 1);
    const p = proposeFine(f.rule, prior, f.cost);
    await tx.disciplinaryFine.create({
      data: {
        employeeId: e.id,
        rule: f.rule,
        ruleGroup: ruleGroup(f.rule),
        occurredOn: new Date(`${f.on}T00:00:00Z`),
        year,
        occurrence: p.occurrence,
        fineAmount: p.fineAmount.toString(),
        compensation: p.compensation.toString(),
        suspensionDays: p.suspensionDays,
        dismissal: p.dismissal,
        description: f.text,
        recordedById: supervisor.id,
      },
    });
    created++;
  }
  return { created };
}
