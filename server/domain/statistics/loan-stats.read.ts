import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { ON_LOAN_STATUSES } from "../borrowing/borrow.machine";
import { shanghaiDay } from "../time";
import type { LoanGroups } from "./loan-stats";

// The period's loans added up in the database, one grouped query per figure, each over the index
// of its own column (lentAt, returnedAt, dueOn): only the groups (a few per month) reach Node,
// never the loans. Months and days are cut in Asia/Shanghai as in loan-stats.ts.

export type LoanPeriod = { start: Date; end: Date; firstDay: string; lastDay: string; projectId?: string };

const month = (col: Prisma.Sql) => Prisma.sql`to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

export async function loanGroups(db: Pick<Db, "$queryRaw">, p: LoanPeriod, now: Date): Promise<LoanGroups> {
  // A slip counts for a project when one of its records belongs to it; its classes are then those
  // of the project's records only (as the statistics always read them).
  const ofProject = p.projectId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "BorrowItem" i WHERE i."requestId" = r."id" AND i."projectId" = ${p.projectId}::uuid)`
    : Prisma.empty;
  const lentIn = Prisma.sql`r."lentAt" >= ${p.start} AND r."lentAt" < ${p.end}`;
  const onLoan = Prisma.join(ON_LOAN_STATUSES.map((s) => Prisma.sql`${s}`));
  const [lent, returned, due, classes] = await Promise.all([
    db.$queryRaw<LoanGroups["lent"]>`
      SELECT ${month(Prisma.sql`r."lentAt"`)} AS "month", r."borrowType"::text AS "type", count(*)::int AS "n"
      FROM "BorrowRequest" r
      WHERE ${lentIn} ${ofProject}
      GROUP BY 1, 2`,
    db.$queryRaw<LoanGroups["returned"]>`
      SELECT ${month(Prisma.sql`r."returnedAt"`)} AS "month", count(*)::int AS "n",
             sum((extract(epoch FROM r."returnedAt") - extract(epoch FROM r."lentAt")) * 1000)::text AS "ms"
      FROM "BorrowRequest" r
      WHERE r."returnedAt" >= ${p.start} AND r."returnedAt" < ${p.end} AND r."lentAt" IS NOT NULL ${ofProject}
      GROUP BY 1`,
    // wentOverdue in SQL: back on a later Shanghai day than due, or still out past today.
    db.$queryRaw<LoanGroups["due"]>`
      SELECT to_char(r."dueOn", 'YYYY-MM') AS "month", count(*)::int AS "n",
             count(*) FILTER (WHERE CASE WHEN r."returnedAt" IS NOT NULL
                                         THEN (r."returnedAt" AT TIME ZONE 'Asia/Shanghai')::date > r."dueOn"
                                         ELSE r."status"::text IN (${onLoan}) AND ${shanghaiDay(now)}::date > r."dueOn" END)::int AS "overdue"
      FROM "BorrowRequest" r
      WHERE r."dueOn" >= ${p.firstDay}::date AND r."dueOn" <= ${p.lastDay}::date AND r."lentAt" IS NOT NULL ${ofProject}
      GROUP BY 1`,
    // The items carry their record's class and project (a trigger copies them), so this never
    // probes the archive's records.
    db.$queryRaw<LoanGroups["classes"]>`
      SELECT c."name", sum(x."n")::int AS "n"
      FROM (
        SELECT i."classId", count(*) AS "n"
        FROM "BorrowRequest" r
        JOIN "BorrowItem" i ON i."requestId" = r."id"
        WHERE ${lentIn} ${p.projectId ? Prisma.sql`AND i."projectId" = ${p.projectId}::uuid` : Prisma.empty}
        GROUP BY 1
      ) x
      JOIN "ArchiveClass" c ON c."id" = x."classId"
      GROUP BY 1`,
  ]);
  return { lent, returned, due, classes };
}
