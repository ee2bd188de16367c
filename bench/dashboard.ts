// 工作台 timing (issue: the manager's home page took 1.1–1.5 s on PGlite). Not a test: it prints
// figures. Times homeDashboard() — the code behind dashboard.home — for a seeded login, then
// each part alone, warm (the first run also pays PGlite's and Prisma's start-up and is shown apart).
//   PGLITE_DATA_DIR=$PWD/data/dash-bench npx tsx prisma/seed.ts
//   PGLITE_DATA_DIR=$PWD/data/dash-bench npx tsx bench/dashboard.ts [--login manager] [--runs 10] [--files 3000]
// --files N first copies the seeded client files (with their paper items, numbers suffixed -Bk)
// until there are about N, to see how the figures scale; use it on a bench data directory only.
import { parseArgs } from "node:util";
import type { Db } from "../server/db/client";
import type { Role } from "../server/auth/roles";
import type { SessionUser } from "../server/domain/accounts/session";
import { describeDatabase, runScript } from "../prisma/seed/script-db";
import { homeDashboard } from "../server/domain/dashboard/dashboard.service";
import { clientFileCompletenessCounts } from "../server/domain/statistics/client-file-counts";
import { complaintStats } from "../server/domain/complaints/stats.service";
import { deskCounts } from "../server/domain/borrowing/loan-views";
import { listInbox } from "../server/domain/borrowing/approvals.service";
import { shanghaiMonthOf, monthRange } from "../server/domain/statistics/months";

const { values } = parseArgs({ options: { login: { type: "string", default: "manager" }, runs: { type: "string", default: "10" }, files: { type: "string", default: "0" } } });
const RUNS = Math.max(1, Number(values.runs));

async function time(label: string, run: () => Promise<unknown>) {
  const first = performance.now();
  await run();
  const cold = performance.now() - first;
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(`${label.padEnd(34)} first ${cold.toFixed(0).padStart(6)} ms   median ${median.toFixed(1).padStart(7)} ms   min ${ms[0]!.toFixed(1).padStart(7)} ms   max ${ms.at(-1)!.toFixed(1).padStart(7)} ms`);
}

/** Copies of the seeded client files (paper items too) in SQL, until about `target` exist. */
async function copyClientFiles(db: Db, target: number) {
  const isClientFile = { archiveClass: { isClientFile: true }, archiveNo: { not: { contains: "-B" } } };
  const base = await db.archiveRecord.count({ where: isClientFile });
  const have = await db.archiveRecord.count({ where: { archiveClass: { isClientFile: true } } });
  if (!base || have >= target) return;
  const cols = (await db.$queryRaw<{ c: string }[]>`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'ArchiveRecord' ORDER BY ordinal_position`).map((r) => r.c);
  const list = cols.map((c) => `"${c}"`).join(", ");
  const values = cols.map((c) => (c === "id" ? "gen_random_uuid()" : c === "archiveNo" ? `r."archiveNo" || '-B' || k` : c === "seq" ? `r."seq" + k * 100000` : `r."${c}"`)).join(", ");
  const from = Math.ceil(have / base);
  const to = Math.ceil(target / base) - 1;
  const t0 = performance.now();
  await db.$executeRawUnsafe(`INSERT INTO "ArchiveRecord" (${list}) SELECT ${values} FROM "ArchiveRecord" r JOIN "ArchiveClass" k2 ON k2."id" = r."classId" AND k2."isClientFile", generate_series(${from}, ${to}) k WHERE r."archiveNo" NOT LIKE '%-B%'`);
  await db.$executeRawUnsafe(
    `INSERT INTO "ArchivePaperItem" ("id", "recordId", "name", "count") SELECT gen_random_uuid(), c."id", p."name", p."count" FROM "ArchivePaperItem" p JOIN "ArchiveRecord" r ON r."id" = p."recordId" JOIN "ArchiveRecord" c ON c."archiveNo" LIKE r."archiveNo" || '-B%' AND c."archiveNo" ~ ('^' || r."archiveNo" || '-B[0-9]+$') WHERE r."archiveNo" NOT LIKE '%-B%' ON CONFLICT DO NOTHING`,
  );
  console.log(`copied client files ${from}..${to} times in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

void runScript(async (db: Db) => {
  console.log(`database: ${describeDatabase()}`);
  const u = await db.user.findUniqueOrThrow({ where: { loginName: values.login! }, select: { id: true, loginName: true, displayName: true, roles: { select: { role: true } } } });
  const user: SessionUser = { id: u.id, sessionId: "bench", loginName: u.loginName, name: u.displayName, roles: u.roles.map((r) => r.role as Role), mustChangePassword: false };
  await copyClientFiles(db, Number(values.files));
  const files = await db.archiveRecord.count({ where: { archiveClass: { isClientFile: true } } });
  console.log(`login ${user.loginName} (${user.roles.join(", ")}); client files ${files}; ${RUNS} warm runs each`);
  const now = new Date();
  const { firstDay, lastDay } = monthRange(shanghaiMonthOf(now), shanghaiMonthOf(now));
  await time("homeDashboard (all parts)", () => homeDashboard(db, user, now));
  await time("  clientFileCompletenessCounts", () => clientFileCompletenessCounts(db, user.roles));
  await time("  complaintStats (month)", () => complaintStats(db, { from: firstDay, to: lastDay }, now));
  await time("  deskCounts", () => deskCounts(db, now));
  await time("  listInbox", () => listInbox(db, user, { page: 1, pageSize: 6 }, now));
});
