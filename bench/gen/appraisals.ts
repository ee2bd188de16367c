// 绩效考核 at a company's size: `employees` bench employees (login bench.staffNNNN, role staff, the
// demo password), each given the appraisal history of one of the seeded staff — same kinds,
// periods, scores, item deductions and adjustments — and, for `years` > 1, the finalised part of it
// again, two years earlier each time (the seeded history covers two years). Cloned in SQL from the seeded rows, so the shape is exactly the one
// the appraisal services and the seed produce; periods move by whole years (monthly kinds) or
// 104 weeks (weekly and spot checks stay on their weekday).
import type { Db } from "../../server/db/client";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../../prisma/seed/names";
import { sqlBenchUuid } from "./ids";
import { report } from "./insert";

const SOURCES = ["staff", "staff2", "huang.wei"]; // seeded operational staff with a history

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ c: string }[]>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`, table);
  return rows.map((r) => r.c);
}

/** INSERT INTO table (every column) SELECT override-or-a."column" FROM …: a clone with a few columns replaced. */
async function cloneSql(db: Db, table: string, overrides: Record<string, string>, from: string) {
  const cols = await columnsOf(db, table);
  return `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${cols.map((c) => overrides[c] ?? `a."${c}"`).join(", ")} ${from} ON CONFLICT DO NOTHING`;
}

export async function generateAppraisals(db: Db, employees: number, years: number): Promise<number> {
  if (employees === 0) return 0;
  const have = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Appraisal" a JOIN "User" u ON u."id" = a."employeeId" WHERE u."loginName" LIKE 'bench.staff%'`);
  if (Number(have[0]!.n) > 0) return 0;
  const t0 = performance.now();
  const given = [...MALE_GIVEN, ...FEMALE_GIVEN];
  const users = await db.$executeRawUnsafe(
    `INSERT INTO "User" ("id", "loginName", "displayName", "passwordHash", "isActive", "mustChangePassword", "departmentId", "createdAt", "updatedAt")
     SELECT ${sqlBenchUuid(`'bench-user:' || n`)}, 'bench.staff' || lpad(n::text, 4, '0'),
            ($2::text[])[1 + n % array_length($2::text[], 1)] || ($3::text[])[1 + (n * 7) % array_length($3::text[], 1)],
            s."passwordHash", true, false, s."departmentId", now(), now()
     FROM generate_series(1, $1::int) n CROSS JOIN (SELECT "passwordHash", "departmentId" FROM "User" WHERE "loginName" = 'staff') s
     ON CONFLICT DO NOTHING`,
    employees,
    [...SURNAMES],
    given,
  );
  await db.$executeRawUnsafe(`INSERT INTO "RoleAssignment" ("userId", "role") SELECT "id", 'staff' FROM "User" WHERE "loginName" LIKE 'bench.staff%' ON CONFLICT DO NOTHING`);

  // pairs: one row per (seeded appraisal, bench employee, year shift) with the new id and the shift
  const pairs = `
    WITH emp AS (
      SELECT ${sqlBenchUuid(`'bench-user:' || n`)} AS uid, ($2::text[])[1 + n % array_length($2::text[], 1)] AS src
      FROM generate_series(1, $1::int) n),
    pairs AS (
      SELECT a.*, e.uid, y,
             CASE WHEN a."kind" IN ('weekly_check', 'spot_check') THEN make_interval(days => 728 * y) ELSE make_interval(years => 2 * y) END AS sh,
             ${sqlBenchUuid(`'bench-appraisal:' || a."id" || ':' || e.uid || ':' || y`)} AS nid
      FROM "Appraisal" a JOIN "User" u ON u."id" = a."employeeId" JOIN emp e ON e.src = u."loginName"
      CROSS JOIN generate_series(0, $3::int - 1) y
      WHERE a."correctsId" IS NULL AND (y = 0 OR a."status" = 'finalised'))`;
  const shifted = (c: string) => `a."${c}" - a.sh`;
  const appraisalSql = await cloneSql(
    db,
    "Appraisal",
    {
      id: "a.nid",
      // finalised at the end: the guard triggers refuse scores under a finalised appraisal
      status: `CASE WHEN a."status" = 'finalised' THEN 'confirmed'::"AppraisalStatus" ELSE a."status" END`,
      employeeId: "a.uid",
      periodStart: `(a."periodStart" - a.sh)::date`,
      year: `extract(year FROM a."periodStart" - a.sh)::int`,
      slotKey: `CASE WHEN a."slotKey" IS NULL THEN NULL ELSE a.uid || ':' || a."kind" || ':' || to_char(a."periodStart" - a.sh, 'YYYY-MM-DD') END`,
      createdAt: shifted("createdAt"),
      updatedAt: shifted("updatedAt"),
      scoredAt: shifted("scoredAt"),
      respondedAt: shifted("respondedAt"),
      finalisedAt: shifted("finalisedAt"),
    },
    "FROM pairs a",
  );
  // One transaction: an interrupted run leaves no appraisals without their scores, which the
  // "already there" check above would then take for a finished one.
  const { appraisals, scores, adjustments } = await db.$transaction(
    async (tx) => {
      const appraisals = await tx.$executeRawUnsafe(`${pairs} ${appraisalSql}`, employees, SOURCES, years);
      const scores = await tx.$executeRawUnsafe(
        `${pairs} INSERT INTO "AppraisalScore" ("appraisalId", "templateItemId", "deduction", "reason")
         SELECT p.nid, s."templateItemId", s."deduction", s."reason" FROM pairs p JOIN "Appraisal" t ON t."id" = p.nid JOIN "AppraisalScore" s ON s."appraisalId" = p."id" ON CONFLICT DO NOTHING`,
        employees,
        SOURCES,
        years,
      );
      const adjustments = await tx.$executeRawUnsafe(
        `${pairs} INSERT INTO "AppraisalAdjustment" ("id", "appraisalId", "kind", "points", "reason", "sortOrder")
         SELECT ${sqlBenchUuid(`'bench-adjustment:' || j."id" || ':' || p.nid`)}, p.nid, j."kind", j."points", j."reason", j."sortOrder"
         FROM pairs p JOIN "Appraisal" t ON t."id" = p.nid JOIN "AppraisalAdjustment" j ON j."appraisalId" = p."id" ON CONFLICT DO NOTHING`,
        employees,
        SOURCES,
        years,
      );
      await tx.$executeRawUnsafe(
        `${pairs} UPDATE "Appraisal" t SET "status" = 'finalised' FROM pairs p WHERE t."id" = p.nid AND p."status" = 'finalised' AND t."status" <> 'finalised'`,
        employees,
        SOURCES,
        years,
      );
      return { appraisals, scores, adjustments };
    },
    { maxWait: 60_000, timeout: 60 * 60_000 },
  );
  report("User (bench staff)", users, 0.001);
  report("Appraisal+scores", appraisals + scores + adjustments, (performance.now() - t0) / 1000);
  console.log(`[bench]   ${appraisals} appraisals, ${scores} item scores, ${adjustments} adjustments`);
  return appraisals;
}
