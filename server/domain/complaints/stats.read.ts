import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";

// 投诉统计 from the per-day summary tables (migration complaint_stat_day: a year is at most 366 ×
// a few dozen rows, whatever the number of complaints), the clocks that depend on now from the
// few unreplied / open rows, and the period's repair orders. Only the groups reach Node (stats.ts
// statsOf names and orders them); each count is the rule of aggregateStats in stats.ts, the
// reference the tests hold it to.

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

type DayRow = { dim: string; key: string; n: number; replied: number; repliedOnTime: number; lapseFree: number; owed: number; owedCalledBack: number };

/**
 * The period's figures from ComplaintStatDay / ComplaintCallbackStatDay (kept by triggers, one row
 * per day and key), plus what depends on the time of asking, read live through indexes that hold
 * only the unreplied or the open complaints of the period.
 */
export async function complaintGroups(db: Pick<Db, "$queryRaw">, days: { from: string; to: string }, from: Date, to: Date, now: Date): Promise<ComplaintGroups> {
  const inDays = Prisma.sql`s."day" >= ${days.from}::date AND s."day" <= ${days.to}::date`;
  const inPeriod = Prisma.sql`c."receivedAt" >= ${from} AND c."receivedAt" < ${to}`;
  const [rows, months, callbacks, [live], [repairs]] = await Promise.all([
    db.$queryRaw<DayRow[]>`
      SELECT s."dim", s."key", sum(s."n")::int AS "n", sum(s."replied")::int AS "replied", sum(s."repliedOnTime")::int AS "repliedOnTime",
             sum(s."lapseFree")::int AS "lapseFree", sum(s."owed")::int AS "owed", sum(s."owedCalledBack")::int AS "owedCalledBack"
      FROM "ComplaintStatDay" s
      WHERE ${inDays}
      GROUP BY 1, 2
      HAVING sum(s."n") > 0`,
    db.$queryRaw<{ month: string; n: number }[]>`
      SELECT to_char(s."day", 'YYYY-MM') AS "month", sum(s."n")::int AS "n"
      FROM "ComplaintStatDay" s
      WHERE ${inDays} AND s."dim" = 'total'
      GROUP BY 1
      HAVING sum(s."n") > 0`,
    db.$queryRaw<{ satisfaction: string; n: number; onTime: number }[]>`
      SELECT s."satisfaction", sum(s."n")::int AS "n", sum(s."onTime")::int AS "onTime"
      FROM "ComplaintCallbackStatDay" s
      WHERE ${inDays}
      GROUP BY 1
      HAVING sum(s."n") > 0`,
    // A reply clock past its promised time without a reply has ended (late); an open complaint
    // past its progress deadline is late now: both counted as of now, from the few such rows.
    db.$queryRaw<{ unrepliedPast: number; progressLate: number }[]>`
      SELECT (SELECT count(*) FROM "Complaint" c WHERE c."repliedAt" IS NULL AND ${inPeriod} AND c."promisedReplyAt" < ${now})::int AS "unrepliedPast",
             (SELECT count(*) FROM "Complaint" c WHERE c."status" IN ('received', 'in_progress') AND ${inPeriod}
                AND c."progressLapses" = 0 AND c."progressDueAt" < ${now})::int AS "progressLate"`,
    db.$queryRaw<ComplaintGroups["repairs"][]>`
      SELECT count(*) FILTER (WHERE r."doneAt" IS NOT NULL OR r."calledBack" OR r."status" IN ('done', 'called_back'))::int AS "owed",
             count(*) FILTER (WHERE r."calledBack")::int AS "calledBack"
      FROM (
        SELECT o."doneAt", o."status"::text AS "status", EXISTS (SELECT 1 FROM "ServiceCallback" k WHERE k."repairId" = o."id") AS "calledBack"
        FROM "RepairOrder" o
        WHERE o."createdAt" >= ${from} AND o."createdAt" < ${to}
      ) r`,
  ]);
  const none = { categoryId: null, channel: null, severity: null, receivedById: null, month: null, replyEnded: 0, repliedOnTime: 0, progressOnTime: 0, owed: 0 };
  const total = rows.find((r) => r.dim === "total");
  const dims: Record<string, keyof typeof none> = { category: "categoryId", channel: "channel", severity: "severity", person: "receivedById" };
  const groups: ComplaintGroups["groups"] = [
    ...rows.filter((r) => dims[r.dim]).map((r) => ({ ...none, [dims[r.dim]!]: r.key, n: r.n })),
    ...months.map((m) => ({ ...none, month: m.month, n: m.n })),
    {
      ...none,
      n: total?.n ?? 0,
      replyEnded: (total?.replied ?? 0) + (live?.unrepliedPast ?? 0),
      repliedOnTime: total?.repliedOnTime ?? 0,
      progressOnTime: (total?.lapseFree ?? 0) - (live?.progressLate ?? 0),
      owed: total?.owed ?? 0,
    },
  ];
  const sum = (k: "n" | "onTime") => callbacks.reduce((a, r) => a + r[k], 0);
  return {
    groups,
    callbacks: [...callbacks.map((r) => ({ ...r, calledBackOwed: 0 })), { satisfaction: null, n: sum("n"), onTime: sum("onTime"), calledBackOwed: total?.owedCalledBack ?? 0 }],
    repairs: repairs ?? { owed: 0, calledBack: 0 },
  };
}
