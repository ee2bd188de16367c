import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";

// 投诉统计 added up in the database over Complaint(receivedAt) for the period: one pass with
// grouping sets for the counts and the rates, one over the period's callbacks, one over the
// period's repair orders. Only the groups reach Node (stats.ts statsOf names and orders them);
// each clause is the rule of aggregateStats in stats.ts, the reference the tests hold it to.

export type ComplaintGroups = {
  /** One row per grouping set: exactly one of the key columns is set, none for the totals row. */
  groups: {
    categoryId: string | null;
    channel: string | null;
    severity: string | null;
    receivedById: string | null;
    month: string | null;
    n: number;
    replyEnded: number;
    repliedOnTime: number;
    progressOnTime: number;
    owed: number;
  }[];
  /** Callbacks of the period's complaints per satisfaction; the totals row (satisfaction null) also counts the owed complaints called back. */
  callbacks: { satisfaction: string | null; n: number; onTime: number; calledBackOwed: number }[];
  repairs: { owed: number; calledBack: number };
};

// A complaint resolved at least once (a reopened one still owes its callback).
const EVER_RESOLVED = Prisma.sql`(c."resolvedAt" IS NOT NULL OR c."reopenCount" > 0 OR c."status"::text IN ('resolved', 'called_back', 'closed'))`;

export async function complaintGroups(db: Pick<Db, "$queryRaw">, from: Date, to: Date, now: Date): Promise<ComplaintGroups> {
  const inPeriod = Prisma.sql`c."receivedAt" >= ${from} AND c."receivedAt" < ${to}`;
  const [groups, callbacks, [repairs]] = await Promise.all([
    db.$queryRaw<ComplaintGroups["groups"]>`
      SELECT c."categoryId", c."channel", c."severity", c."receivedById", c."month",
             count(*)::int AS "n",
             count(*) FILTER (WHERE c."repliedAt" IS NOT NULL OR c."promisedReplyAt" < ${now})::int AS "replyEnded",
             count(*) FILTER (WHERE c."repliedAt" <= c."promisedReplyAt")::int AS "repliedOnTime",
             count(*) FILTER (WHERE c."progressLapses" = 0
                                AND NOT (c."status" IN ('received', 'in_progress') AND c."progressDueAt" IS NOT NULL AND c."progressDueAt" < ${now}))::int AS "progressOnTime",
             count(*) FILTER (WHERE c."everResolved")::int AS "owed"
      FROM (
        SELECT c."categoryId"::text AS "categoryId", c."channel"::text AS "channel", c."severity"::text AS "severity",
               c."receivedById"::text AS "receivedById", to_char(c."receivedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS "month",
               c."repliedAt", c."promisedReplyAt", c."progressLapses", c."status"::text AS "status", c."progressDueAt",
               ${EVER_RESOLVED} AS "everResolved"
        FROM "Complaint" c
        WHERE ${inPeriod}
      ) c
      GROUP BY GROUPING SETS ((c."categoryId"), (c."channel"), (c."severity"), (c."receivedById"), (c."month"), ())`,
    db.$queryRaw<ComplaintGroups["callbacks"]>`
      SELECT k."satisfaction"::text AS "satisfaction", count(*)::int AS "n",
             count(*) FILTER (WHERE k."dueAt" IS NULL OR k."calledAt" <= k."dueAt")::int AS "onTime",
             count(DISTINCT k."complaintId") FILTER (WHERE ${EVER_RESOLVED})::int AS "calledBackOwed"
      FROM "Complaint" c
      JOIN "ServiceCallback" k ON k."complaintId" = c."id"
      WHERE ${inPeriod}
      GROUP BY GROUPING SETS ((k."satisfaction"), ())`,
    db.$queryRaw<ComplaintGroups["repairs"][]>`
      SELECT count(*) FILTER (WHERE r."doneAt" IS NOT NULL OR r."calledBack" OR r."status" IN ('done', 'called_back'))::int AS "owed",
             count(*) FILTER (WHERE r."calledBack")::int AS "calledBack"
      FROM (
        SELECT o."doneAt", o."status"::text AS "status", EXISTS (SELECT 1 FROM "ServiceCallback" k WHERE k."repairId" = o."id") AS "calledBack"
        FROM "RepairOrder" o
        WHERE o."createdAt" >= ${from} AND o."createdAt" < ${to}
      ) r`,
  ]);
  return { groups, callbacks, repairs: repairs ?? { owed: 0, calledBack: 0 } };
}
