import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db/client";
import type { AppraisalKind, AppraisalStatus, BorrowStatus, BorrowType, Prisma } from "../../server/db/generated/client";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { dateOfDay, dayOf } from "../../server/domain/archive/retention";
import { loanStatistics } from "../../server/domain/statistics/statistics.service";
import { aggregateLoanStats } from "../../server/domain/statistics/loan-stats";
import { monthRange, monthsBetween } from "../../server/domain/statistics/months";
import { complaintStats } from "../../server/domain/complaints/stats.service";
import { aggregateStats } from "../../server/domain/complaints/stats";
import { namesOf } from "../../server/domain/complaints/shared";
import { endOfShanghaiDay, startOfShanghaiDay } from "../../server/domain/time";
import { statistics } from "../../server/domain/appraisal/statistics.service";
import { visibleRowsWhere, type Viewer } from "../../server/domain/appraisal/appraisal.policy";
import { isEffective } from "../../server/domain/appraisal/year-end.service";
import { showScore } from "../../server/domain/appraisal/year-end";
import { KINDS } from "../../server/domain/appraisal/dimensions";
import { createTestUser, useTestDatabase } from "./helpers";

// The statistics pages add their figures up in the database (issue 15). Here the SQL is held to
// the old way — every row of the period read into Node and added up by the pure functions (or, for
// 绩效统计, the old service copied below) — on generated rows crowded around the Shanghai month
// and day boundaries, with voided / withdrawn / never-lent / superseded rows and empty periods.
const t = useTestDatabase();

// A fixed-seed generator: the same rows on every run, so a difference is reproducible.
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(15);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number) => rnd() < p;
const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const HOUR = 3_600_000;
/** An instant near a Shanghai month boundary of 2025 (half the time within two hours of midnight). */
function instant(): Date {
  const month = 1 + Math.floor(rnd() * 6);
  const boundary = sh(`2025-${String(month).padStart(2, "0")}-01 00:00`).getTime();
  const offset = chance(0.5) ? (rnd() - 0.5) * 4 * HOUR : (rnd() - 0.5) * 50 * 24 * HOUR;
  return new Date(Math.round(boundary + offset));
}
const dayAfter = (at: Date, days: number) => dateOfDay(new Date(at.getTime() + 8 * HOUR + days * 24 * HOUR).toISOString().slice(0, 10));

let users: { id: string }[] = [];

beforeAll(async () => {
  users = await Promise.all([0, 1, 2].map((i) => createTestUser(t.db, { roles: ["staff"], displayName: `统计${i}` })));
});

describe("借阅统计 in SQL equals the rows added up in Node", () => {
  let projects: string[] = [];

  /** The old loanStatistics: every loan of the period read, then aggregateLoanStats. */
  async function reference(db: Db, from: string, to: string, now: Date, projectId?: string) {
    const months = monthsBetween(from, to);
    const { start, end, firstDay, lastDay } = monthRange(from, to);
    const project: Prisma.BorrowRequestWhereInput = projectId ? { items: { some: { record: { projectId } } } } : {};
    const rows = await db.borrowRequest.findMany({
      where: {
        AND: [
          project,
          { OR: [{ lentAt: { gte: start, lt: end } }, { returnedAt: { gte: start, lt: end } }, { lentAt: { not: null }, dueOn: { gte: dateOfDay(firstDay), lte: dateOfDay(lastDay) } }] },
        ],
      },
      select: { borrowType: true, status: true, lentAt: true, returnedAt: true, dueOn: true, items: { select: { record: { select: { projectId: true, archiveClass: { select: { name: true } } } } } } },
    });
    const stats = aggregateLoanStats(
      rows.map((r) => ({ ...r, dueOn: dayOf(r.dueOn), classes: r.items.filter((i) => !projectId || i.record.projectId === projectId).map((i) => i.record.archiveClass.name) })),
      months,
      now,
    );
    return stats;
  }

  beforeAll(async () => {
    const archivist = await createTestUser(t.db, { roles: ["archivist"] });
    const classes = await Promise.all(["甲类", "乙类", "丙类"].map((name, i) => t.db.archiveClass.create({ data: { code: `SQ${i}`, name, retentionYears: 30 } })));
    projects = await Promise.all(["东区", "西区"].map(async (name, i) => (await t.db.project.create({ data: { code: `SQP${i}`, name } })).id));
    const records: string[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await inTransaction(t.db, (tx) =>
        insertArchiveRecord(tx, { id: archivist.id, name: "test" }, { title: `对账档案${i}`, classId: classes[i % 3]!.id, projectId: i % 4 === 3 ? undefined : projects[i % 2], formedOn: "2024-05-01", confidentiality: "internal", cabinet: "S", shelf: "1", box: String(i) }),
      );
      records.push(r.id);
    }
    const types: BorrowType[] = ["reading", "copy", "takeaway"];
    for (let i = 0; i < 90; i++) {
      const lentAt = chance(0.85) ? instant() : null;
      const dueOn = lentAt ? dayAfter(lentAt, Math.floor(rnd() * 20) - 2) : dateOfDay(`2025-0${1 + Math.floor(rnd() * 6)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`);
      const back = lentAt && chance(0.6) ? new Date(lentAt.getTime() + Math.round(rnd() * 25 * 24 * HOUR)) : null;
      const status: BorrowStatus = !lentAt ? pick(["requested", "approved", "rejected", "withdrawn"] as const) : back ? "returned" : pick(["lent", "renewed", "lent"] as const);
      const req = await t.db.borrowRequest.create({
        data: { requestNo: `SQL-${i}`, requesterId: pick(users).id, borrowType: pick(types), purpose: "对账", dueOn, status, lentAt, returnedAt: back, voidedAt: status === "withdrawn" ? lentAt : null },
      });
      const mine = [...new Set([pick(records), pick(records), pick(records)].slice(0, 1 + Math.floor(rnd() * 3)))];
      await t.db.borrowItem.createMany({ data: mine.map((recordId) => ({ requestId: req.id, recordId })) });
    }
  });

  const cases: [string, string, string, string?][] = [
    ["three months", "2025-02", "2025-04"],
    ["one month", "2025-03", "2025-03"],
    ["the whole half year and its neighbours", "2024-12", "2025-07"],
    ["an empty period", "2023-01", "2023-03"],
  ];
  for (const [name, from, to] of cases) {
    it(`${name} (${from} … ${to}), all projects and each project`, async () => {
      for (const now of [sh("2025-03-15 12:00"), sh("2025-04-30 23:59"), sh("2026-01-01 00:00")]) {
        for (const projectId of [undefined, ...projects]) {
          const got = await loanStatistics(t.db, { from, to, projectId }, now);
          const want = await reference(t.db, from, to, now, projectId);
          const { from: _f, to: _t, projectId: _p, projects: _ps, ...figures } = got;
          expect(figures).toEqual(want);
        }
      }
    });
  }

  it("the generated loans do reach every figure (the comparison is not between two empty results)", async () => {
    const s = await loanStatistics(t.db, { from: "2025-01", to: "2025-06" }, sh("2025-04-30 23:59"));
    expect(Math.min(s.lent, s.returned, s.overdue, s.byClass.length, s.byType.length)).toBeGreaterThan(0);
    expect(s.overdueRate.den).toBeGreaterThan(s.overdueRate.num);
    expect(s.averageDaysOut).not.toBeNull();
  });
});

describe("投诉统计 in SQL equals the rows added up in Node", () => {
  /** The old complaintStats: every complaint of the period and its callbacks read, then aggregateStats. */
  async function reference(db: Db, fromDay: string, toDay: string, now: Date) {
    const from = startOfShanghaiDay(fromDay);
    const to = endOfShanghaiDay(toDay);
    const rows = await db.complaint.findMany({
      where: { receivedAt: { gte: from, lt: to } },
      select: {
        receivedAt: true, channel: true, severity: true, status: true, receivedById: true, promisedReplyAt: true, repliedAt: true, progressLapses: true,
        progressDueAt: true, reopenCount: true, resolvedAt: true, category: { select: { name: true } }, callbacks: { select: { calledAt: true, dueAt: true, satisfaction: true } },
      },
    });
    const repairs = await db.repairOrder.findMany({ where: { createdAt: { gte: from, lt: to } }, select: { status: true, doneAt: true, reopenCount: true, _count: { select: { callbacks: true } } } });
    const names = await namesOf(db, rows.map((r) => r.receivedById));
    return aggregateStats(
      rows.map((r) => ({
        ...r,
        category: r.category.name,
        receivedBy: names.get(r.receivedById) ?? "—",
        everResolved: !!r.resolvedAt || r.reopenCount > 0 || ["resolved", "called_back", "closed"].includes(r.status),
      })),
      repairs.map((r) => ({ everDone: !!r.doneAt || r._count.callbacks > 0 || r.status === "done" || r.status === "called_back", calledBack: r._count.callbacks > 0 })),
      now,
    );
  }

  beforeAll(async () => {
    const categories = await Promise.all(["工程质量", "物业服务", "销售"].map((name, i) => t.db.complaintCategory.create({ data: { code: `SQC${i}`, name } })));
    const someone = users[0]!;
    for (let i = 0; i < 120; i++) {
      const receivedAt = instant();
      const status = pick(["received", "in_progress", "resolved", "called_back", "closed"] as const);
      const promisedReplyAt = new Date(receivedAt.getTime() + Math.round(rnd() * 48 * HOUR));
      const repliedAt = chance(0.6) ? new Date(receivedAt.getTime() + Math.round(rnd() * 72 * HOUR)) : null;
      const c = await t.db.complaint.create({
        data: {
          complaintNo: `TS-${i}`, year: 2025, seq: 9000 + i, channel: pick(["phone", "visit", "letter", "online", "other"] as const), categoryId: pick(categories).id,
          severity: chance(0.2) ? "major" : "normal", status, complainantName: "业主", content: "对账", receivedAt, receivedById: chance(0.1) ? someone.id : pick(users).id,
          promisedReplyAt, repliedAt, lastProgressAt: receivedAt, progressDueAt: chance(0.7) ? new Date(receivedAt.getTime() + Math.round(rnd() * 30 * 24 * HOUR)) : null,
          progressLapses: chance(0.2) ? 1 + Math.floor(rnd() * 3) : 0, resolvedAt: ["resolved", "called_back", "closed"].includes(status) && chance(0.8) ? receivedAt : null,
          reopenCount: chance(0.1) ? 1 : 0,
        },
      });
      for (let k = chance(0.5) ? Math.floor(rnd() * 3) : 0; k > 0; k--) {
        const calledAt = new Date(receivedAt.getTime() + Math.round(rnd() * 10 * 24 * HOUR));
        await t.db.serviceCallback.create({
          data: { complaintId: c.id, calledById: someone.id, calledByName: "回访员", calledAt, dueAt: chance(0.8) ? new Date(receivedAt.getTime() + 5 * 24 * HOUR) : null, satisfaction: pick(["very_satisfied", "satisfied", "neutral", "dissatisfied"] as const) },
        });
      }
    }
    for (let i = 0; i < 30; i++) {
      const createdAt = instant();
      const status = pick(["registered", "pending_approval", "approved", "rejected", "done", "called_back"] as const);
      const o = await t.db.repairOrder.create({
        data: { orderNo: `TR-${i}`, year: 2025, seq: 9000 + i, location: "1-101", description: "对账", isWarranty: chance(0.5), responsibleDept: "工程部", status, doneAt: status === "done" && chance(0.7) ? createdAt : null, createdById: someone.id, createdAt },
      });
      if (chance(0.4)) await t.db.serviceCallback.create({ data: { repairId: o.id, calledById: someone.id, calledByName: "回访员", calledAt: createdAt, satisfaction: "satisfied" } });
    }
    // Then the complaints move on, so the summary tables are held to the rows after updates and
    // deletes too: replies, resolutions, reopenings, a new category, receipt moved across a
    // Shanghai midnight, callbacks removed and re-rated, and first callbacks written at once.
    const all = await t.db.complaint.findMany({ select: { id: true, receivedAt: true, repliedAt: true, promisedReplyAt: true }, orderBy: { complaintNo: "asc" } });
    for (const [i, c] of all.entries()) {
      if (i % 4 === 0) await t.db.complaint.update({ where: { id: c.id }, data: { repliedAt: c.repliedAt ? null : new Date(c.promisedReplyAt.getTime() + (i % 8 === 0 ? -HOUR : HOUR)) } });
      if (i % 5 === 0) await t.db.complaint.update({ where: { id: c.id }, data: { status: "resolved", resolvedAt: new Date(c.receivedAt.getTime() + 24 * HOUR) } });
      if (i % 7 === 0) await t.db.complaint.update({ where: { id: c.id }, data: { status: "in_progress", resolvedAt: null, reopenCount: { increment: 1 }, progressLapses: { increment: 1 } } });
      if (i % 9 === 0) await t.db.complaint.update({ where: { id: c.id }, data: { categoryId: categories[i % 3]!.id, channel: "online", receivedAt: new Date(c.receivedAt.getTime() + (i % 2 ? 1 : -1) * 6 * HOUR) } });
      if (i % 11 === 0) await t.db.complaint.update({ where: { id: c.id }, data: { version: { increment: 1 }, lastProgressAt: new Date() } }); // no figure changes
    }
    const callbacks = await t.db.serviceCallback.findMany({ where: { complaintId: { not: null } }, select: { id: true }, orderBy: { calledAt: "asc" } });
    for (const [i, k] of callbacks.entries()) {
      if (i % 6 === 0) await t.db.serviceCallback.delete({ where: { id: k.id } });
      else if (i % 6 === 1) await t.db.serviceCallback.update({ where: { id: k.id }, data: { satisfaction: "dissatisfied", dueAt: null } });
    }
    const uncalled = await t.db.complaint.findMany({ where: { callbacks: { none: {} }, status: { in: ["resolved", "closed"] } }, select: { id: true, receivedAt: true }, take: 6 });
    await Promise.all(
      uncalled.flatMap((c) =>
        [1, 2].map((j) =>
          t.db.$transaction((tx) => tx.serviceCallback.create({ data: { complaintId: c.id, calledById: someone.id, calledByName: "回访员", calledAt: new Date(c.receivedAt.getTime() + j * HOUR), satisfaction: j === 1 ? "satisfied" : "neutral" } })),
        ),
      ),
    );
  });

  it("the summary rows equal a full count of the complaints and callbacks", async () => {
    const [sum] = await t.db.$queryRaw<{ n: number; owed: number; calledBack: number; callbacks: number }[]>`
      SELECT (SELECT sum("n") FROM "ComplaintStatDay" WHERE "dim" = 'total')::int AS "n",
             (SELECT sum("owed") FROM "ComplaintStatDay" WHERE "dim" = 'total')::int AS "owed",
             (SELECT sum("owedCalledBack") FROM "ComplaintStatDay" WHERE "dim" = 'total')::int AS "calledBack",
             (SELECT sum("n") FROM "ComplaintCallbackStatDay")::int AS "callbacks"`;
    const owed: Prisma.ComplaintWhereInput = { OR: [{ resolvedAt: { not: null } }, { reopenCount: { gt: 0 } }, { status: { in: ["resolved", "called_back", "closed"] } }] };
    expect(sum).toEqual({
      n: await t.db.complaint.count(),
      owed: await t.db.complaint.count({ where: owed }),
      calledBack: await t.db.complaint.count({ where: { ...owed, callbacks: { some: {} } } }),
      callbacks: await t.db.serviceCallback.count({ where: { complaintId: { not: null } } }),
    });
  });

  const cases: [string, string, string][] = [
    ["a quarter", "2025-02-01", "2025-04-30"],
    ["one day at a month boundary", "2025-03-31", "2025-03-31"],
    ["the day after it", "2025-04-01", "2025-04-01"],
    ["the whole span", "2024-11-01", "2025-08-31"],
    ["an empty period", "2023-01-01", "2023-01-31"],
  ];
  for (const [name, from, to] of cases) {
    it(`${name} (${from} … ${to})`, async () => {
      for (const now of [sh("2025-03-15 12:00"), sh("2025-05-01 00:00"), sh("2026-01-01 00:00")]) {
        const { from: _f, to: _t, ...got } = await complaintStats(t.db, { from, to }, now);
        expect(got).toEqual(await reference(t.db, from, to, now));
      }
    });
  }

  it("the generated complaints do reach every figure", async () => {
    const s = await complaintStats(t.db, { from: "2024-11-01", to: "2025-08-31" }, sh("2025-03-15 12:00"));
    for (const r of [s.onTimeReply, s.onTimeProgress, s.callbackRate, s.onTimeCallback, s.repairCallbackRate]) expect(r.num * (r.den - r.num)).toBeGreaterThan(0);
    expect(s.byPerson.length).toBe(3);
    expect(s.satisfaction.every((x) => x.count > 0)).toBe(true);
  });
});

describe("绩效统计 in SQL equals the results added up in Node", () => {
  const pad = (n: number) => String(n).padStart(2, "0");
  /** The old statistics(): every effective result of the period read, then added up with decimal.js. */
  async function reference(db: Db, v: Viewer, input: { year: number; month?: number }) {
    const rangeOf = (i: { year: number; month?: number }): Prisma.DateTimeFilter =>
      !i.month
        ? { gte: dateOfDay(`${i.year}-01-01`), lt: dateOfDay(`${i.year + 1}-01-01`) }
        : { gte: dateOfDay(`${i.year}-${pad(i.month)}-01`), lt: dateOfDay(i.month === 12 ? `${i.year + 1}-01-01` : `${i.year}-${pad(i.month + 1)}-01`) };
    const mean = (xs: Decimal[]) => (xs.length ? xs.reduce((s, x) => s.plus(x), new Decimal(0)).div(xs.length) : null);
    const effective = async (i: { year: number; month?: number }) =>
      (
        await db.appraisal.findMany({
          where: { AND: [visibleRowsWhere(v), { year: i.year, status: "finalised", periodStart: rangeOf(i) }] },
          orderBy: [{ periodStart: "asc" }],
          select: { id: true, kind: true, status: true, periodStart: true, total: true, scoreDe: true, scoreQin: true, scoreNeng: true, scoreJi: true, correctedBy: { select: { status: true } }, employee: { select: { id: true, displayName: true, department: { select: { name: true } } } } },
        })
      ).filter(isEffective);
    const entries = await effective(input);
    const byKind = KINDS.map((kind) => {
      const totals = entries.filter((e) => e.kind === kind).map((e) => new Decimal(e.total.toString()));
      return { kind, count: totals.length, mean: showScore(mean(totals)), max: totals.length ? Decimal.max(...totals).toFixed(2) : null, min: totals.length ? Decimal.min(...totals).toFixed(2) : null };
    });
    const scored = entries.filter((e) => e.kind !== "spot_check");
    const dim = (k: "scoreDe" | "scoreQin" | "scoreNeng" | "scoreJi") => showScore(mean(scored.map((e) => new Decimal(e[k].toString()))));
    const people = new Map<string, { id: string; name: string; department: string | null; totals: Decimal[] }>();
    for (const e of entries.filter((x) => x.kind === "monthly")) {
      const p = people.get(e.employee.id) ?? { id: e.employee.id, name: e.employee.displayName, department: e.employee.department?.name ?? null, totals: [] };
      p.totals.push(new Decimal(e.total.toString()));
      people.set(p.id, p);
    }
    const ranked = [...people.values()].map((p) => ({ ...p, mean: mean(p.totals)! })).sort((a, b) => b.mean.comparedTo(a.mean) || a.name.localeCompare(b.name, "zh-CN"));
    const ranking = ranked.map((p, i) => ({
      rank: i > 0 && ranked[i - 1]!.mean.toDecimalPlaces(2).eq(p.mean.toDecimalPlaces(2)) ? 0 : i + 1,
      employee: { id: p.id, name: p.name, department: p.department },
      count: p.totals.length,
      mean: showScore(p.mean)!,
      outstanding: p.mean.gt(100),
    }));
    for (let i = 1; i < ranking.length; i++) if (ranking[i]!.rank === 0) ranking[i]!.rank = ranking[i - 1]!.rank;
    const yearEntries = input.month ? await effective({ year: input.year }) : entries;
    const trend = Array.from({ length: 12 }, (_, m) => {
      const inMonth = yearEntries.filter((e) => e.periodStart.getUTCMonth() === m);
      const totals = (kinds: AppraisalKind[]) => inMonth.filter((e) => kinds.includes(e.kind)).map((e) => new Decimal(e.total.toString()));
      return { month: m + 1, monthly: showScore(mean(totals(["monthly"]))), checks: showScore(mean(totals(["weekly_check", "monthly_check"]))) };
    });
    return { year: input.year, month: input.month ?? null, count: entries.length, byKind, dimensions: { de: dim("scoreDe"), qin: dim("scoreQin"), neng: dim("scoreNeng"), ji: dim("scoreJi") }, ranking, trend };
  }

  const viewers: Viewer[] = [];

  beforeAll(async () => {
    const depts = await Promise.all(["SQA", "SQB"].map(async (code) => (await t.db.department.create({ data: { code, name: `部门${code}` } })).id));
    const staff = [];
    for (let i = 0; i < 8; i++) {
      // Two people share a name: the ranking orders them by mean, then by name.
      const u = await createTestUser(t.db, { roles: ["staff"], displayName: i === 7 ? "绩效1" : `绩效${i}` });
      await t.db.user.update({ where: { id: u.id }, data: { departmentId: depts[i % 2]! } });
      staff.push(u);
    }
    const template = await t.db.appraisalTemplate.create({ data: { audience: "operational", version: 915, name: "对账模板", maxDe: 20, maxQin: 20, maxNeng: 30, maxJi: 30 } });
    const cents = (lo: number, hi: number) => new Decimal(lo + Math.floor(rnd() * (hi - lo) * 100) / 100).toFixed(2);
    const periodOf = (kind: AppraisalKind, year: number) =>
      kind === "year_end" ? `${year}-01-01` : kind === "monthly" || kind === "monthly_check" ? `${year}-${pad(1 + Math.floor(rnd() * 12))}-01` : `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    const finalised: string[] = [];
    for (let i = 0; i < 160; i++) {
      const kind = pick(KINDS);
      const year = chance(0.9) ? 2025 : 2024;
      const status: AppraisalStatus = chance(0.85) ? "finalised" : pick(["draft", "scored", "confirmed"] as const);
      // Ties on purpose: a few fixed totals, so equal means meet in the ranking.
      const total = chance(0.3) ? pick(["88.00", "91.50", "100.00", "101.25"]) : cents(60, 105);
      const a = await t.db.appraisal.create({
        data: { employeeId: pick(staff).id, kind, periodStart: dateOfDay(periodOf(kind, year)), year, templateId: template.id, status, total, scoreDe: cents(10, 20), scoreQin: cents(10, 20), scoreNeng: cents(15, 30), scoreJi: cents(15, 30) },
      });
      if (status === "finalised") finalised.push(a.id);
    }
    // Corrections: a finalised one replaces its original; a draft one does not (yet).
    for (const [i, id] of finalised.slice(0, 24).entries()) {
      const o = await t.db.appraisal.findUniqueOrThrow({ where: { id } });
      await t.db.appraisal.create({
        data: { employeeId: o.employeeId, kind: o.kind, periodStart: o.periodStart, year: o.year, templateId: template.id, status: i % 3 === 0 ? "draft" : "finalised", total: cents(60, 105), correctsId: id, correctionReason: "更正" },
      });
    }
    const manager = await createTestUser(t.db, { roles: ["manager"] });
    const supervisor = await createTestUser(t.db, { roles: ["supervisor"] });
    viewers.push({ id: manager.id, roles: ["manager"], departmentId: null }, { id: supervisor.id, roles: ["supervisor"], departmentId: depts[0]! }, { id: staff[1]!.id, roles: ["staff"], departmentId: depts[1]! });
  });

  for (const input of [{ year: 2025 }, { year: 2025, month: 3 }, { year: 2025, month: 12 }, { year: 2024 }, { year: 2023 }, { year: 2023, month: 6 }]) {
    it(`${input.year}${"month" in input ? `-${input.month}` : ""} for a manager, a supervisor and one of the staff`, async () => {
      for (const v of viewers) expect(await statistics(t.db, v, input)).toEqual(await reference(t.db, v, input));
    });
  }

  it("the generated results do reach every figure, and corrections replace their originals", async () => {
    const s = await statistics(t.db, viewers[0]!, { year: 2025 });
    expect(s.byKind.every((k) => k.count > 0)).toBe(true);
    expect(s.ranking.length).toBeGreaterThan(3);
    expect(s.ranking.some((r, i) => i > 0 && r.rank === s.ranking[i - 1]!.rank) || s.ranking.every((r, i) => r.rank === i + 1)).toBe(true);
    const all = await t.db.appraisal.count({ where: { year: 2025, status: "finalised" } });
    expect(s.count).toBeLessThan(all);
  });
});
