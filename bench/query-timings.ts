// Times the queries behind the slow pages of issue 15 on whatever database DATABASE_URL names
// (filled by bench/generate.ts, bench/archive-search.ts or SQL), for bench/PLANS.md. Not a test.
//   DATABASE_URL=postgres://…/kefu_bench npx tsx bench/query-timings.ts [--runs 5] [--only name,name]
// With auto_explain loaded for the database (ALTER DATABASE … SET session_preload_libraries =
// 'auto_explain', auto_explain.log_min_duration = '20ms', log_analyze, log_buffers), the server
// log holds each slow statement's plan.
import { parseArgs } from "node:util";
import type { Db } from "../server/db/client";
import type { Role } from "../server/auth/roles";
import type { SessionUser } from "../server/domain/accounts/session";
import { runScript } from "../prisma/seed/script-db";
import { homeDashboard } from "../server/domain/dashboard/dashboard.service";
import { auditFacets, listAudit } from "../server/domain/audit/audit.service";
import { globalSearch } from "../server/domain/search/global-search.service";
import { listComplaints } from "../server/domain/complaints/complaints.read";
import { searchRecords } from "../server/domain/archive/search.service";
import { deskBadge } from "../server/domain/borrowing/loan-views";
import { approvalsBadge } from "../server/domain/borrowing/approvals.service";
import { complaintBadges } from "../server/domain/complaints/badges";
import { appraisalBadges } from "../server/domain/appraisal/badges";
import { stockTakeBadges } from "../server/domain/labels/badges";
import { contactBadges } from "../server/domain/contacts/badges";
import { listRegister } from "../server/domain/borrowing/register.service";
import { listContacts } from "../server/domain/contacts/contacts.read";
import { listClientFiles } from "../server/domain/archive/client-files.service";
import { archiveStatistics, loanStatistics } from "../server/domain/statistics/statistics.service";
import { complaintStats } from "../server/domain/complaints/stats.service";
import { statistics as appraisalStatistics } from "../server/domain/appraisal/statistics.service";
import { viewerOf } from "../server/domain/appraisal/viewer";
import { monthsBefore, shanghaiMonthOf } from "../server/domain/statistics/months";
import { shanghaiDay } from "../server/domain/time";
import { addCalendarDays } from "../server/domain/borrowing/loan-period";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "5" }, only: { type: "string" } } });
const RUNS = Number(args.runs);
const ONLY = args.only ? new Set(args.only.split(",")) : null;

async function userAs(db: Db, loginName: string, roles: Role[]): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, select: { id: true, displayName: true } });
  return { id: u.id, sessionId: "bench", loginName, name: u.displayName, roles, mustChangePassword: false };
}

function statisticsCases(db: Db, who: Record<string, SessionUser>): [string, () => Promise<unknown>][] {
  const thisMonth = shanghaiMonthOf(new Date());
  const today = shanghaiDay(new Date());
  const year = Number(today.slice(0, 4));
  const appraisal = async (u: SessionUser, input: { year: number; month?: number }) => appraisalStatistics(db, await viewerOf(db, u), input);
  return [
    ["stats:loans 12 months", () => loanStatistics(db, { from: monthsBefore(thisMonth, 11), to: thisMonth })],
    ["stats:loans 60 months", () => loanStatistics(db, { from: monthsBefore(thisMonth, 59), to: thisMonth })],
    ["stats:complaints this month", () => complaintStats(db, { from: `${thisMonth}-01`, to: today })],
    ["stats:complaints 12 months", () => complaintStats(db, { from: addCalendarDays(today, -364), to: today })],
    ["stats:complaints 10 years", () => complaintStats(db, { from: addCalendarDays(today, -3659), to: today })],
    ["stats:appraisal year manager", () => appraisal(who.manager!, { year: year - 1 })],
    ["stats:appraisal month manager", () => appraisal(who.manager!, { year: year - 1, month: 6 })],
    ["stats:appraisal year supervisor", () => appraisal(who.supervisor!, { year: year - 1 })],
  ];
}

await runScript(async (db) => {
  const who: Record<string, SessionUser> = {};
  for (const r of ["manager", "supervisor", "archivist", "staff", "auditor", "admin"] as const) who[r] = await userAs(db, r, [r]);
  const badges = (u: SessionUser) =>
    Promise.all([deskBadge(db, u.roles), approvalsBadge(db, u), complaintBadges(db, u), appraisalBadges(db, u), stockTakeBadges(db, u), contactBadges(db, u)]);
  const project = await db.project.findFirst({ where: { archiveRecords: { some: {} } }, orderBy: { code: "asc" }, select: { id: true } });
  const building = await db.building.findFirst({ where: { archiveRecords: { some: {} } }, orderBy: { code: "asc" }, select: { id: true } });
  const files = (roles: Role[], more: Record<string, unknown> = {}) => () => listClientFiles(db, roles, { page: 1, pageSize: 30, incompleteOnly: false, ...more });
  const cases: [string, () => Promise<unknown>][] = [
    ["clientFiles:manager", files(["manager"])],
    ["clientFiles:staff incomplete", files(["staff"], { incompleteOnly: true })],
    ["clientFiles:manager project", files(["manager"], { projectId: project?.id })],
    ["clientFiles:staff building incomplete page 5", files(["staff"], { buildingId: building?.id, incompleteOnly: true, page: 5 })],
    ["statistics:archive manager 12 months", () => archiveStatistics(db, ["manager"], { from: "2026-01", to: "2026-12" })],
    ["statistics:archive supervisor 60 months project", () => archiveStatistics(db, ["supervisor"], { from: "2022-01", to: "2026-12", projectId: project?.id })],
    ...Object.entries(who).map(([r, u]) => [`dashboard:${r}`, () => homeDashboard(db, u)] as [string, () => Promise<unknown>]),
    ...Object.entries(who).map(([r, u]) => [`badges:${r}`, () => badges(u)] as [string, () => Promise<unknown>]),
    ["audit:facets", () => auditFacets(db)],
    ["audit:list", () => listAudit(db, { pageSize: 50 })],
    ["audit:list actor=王", () => listAudit(db, { pageSize: 50, actor: "王" })],
    ["audit:list actor=nobody", () => listAudit(db, { pageSize: 50, actor: "没有这个人" })],
    ["audit:list action=loan.", () => listAudit(db, { pageSize: 50, action: "loan." })],
    ["audit:list entity=User", () => listAudit(db, { pageSize: 50, entity: "User" })],
    ["audit:list 2022-03", () => listAudit(db, { pageSize: 50, from: "2022-03-01", to: "2022-03-31" })],
    ["global:王", () => globalSearch(db, { id: who.manager!.id, roles: ["manager"] }, { q: "王" })],
    ["global:王小", () => globalSearch(db, { id: who.manager!.id, roles: ["manager"] }, { q: "王小" })],
    ["complaints:list", () => listComplaints(db, { id: who.manager!.id, name: "m", roles: ["manager"] }, {})],
    ["complaints:list overdue", () => listComplaints(db, { id: who.manager!.id, name: "m", roles: ["manager"] }, { view: "overdue" })],
    ["complaints:list channel", () => listComplaints(db, { id: who.manager!.id, name: "m", roles: ["manager"] }, { channel: "letter" })],
    ["register:list", () => listRegister(db, ["manager"], {})],
    ["contacts:list", () => listContacts(db, {})],
    ...["买卖合同", "翠湖名苑", "王", "志明", "会议记"].map((q) => [`archive:${q}`, () => searchRecords(db, ["manager"], { q })] as [string, () => Promise<unknown>]),
    ["archive:翠湖名苑 formedOn desc", () => searchRecords(db, ["manager"], { q: "翠湖名苑", sort: "formedOn", dir: "desc" })],
    ["archive:买卖合同 page 3", () => searchRecords(db, ["manager"], { q: "买卖合同", page: 3 })],
    // The statistics pages: the default period (12 months / this month) and the longest allowed.
    ...statisticsCases(db, who),
  ];
  console.log("| query | median ms | min ms | max ms |\n|---|---|---|---|");
  for (const [name, run] of cases) {
    if (ONLY && !ONLY.has(name)) continue;
    try {
      await run();
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await run();
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      console.log(`| ${name} | ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} | ${ms[0]!.toFixed(1)} | ${ms[ms.length - 1]!.toFixed(1)} |`);
    } catch (e) {
      console.log(`| ${name} | error: ${(e instanceof Error ? `${(e as { code?: string }).code ?? e.constructor.name} ${e.message.trim()}` : String(e)).split("\n")[0]} | | |`);
    }
  }
});
