// Row counts of the big tables: the planner's estimates (pg_class.reltuples, fresh after the
// generator's ANALYZE), so reading them costs nothing at 1M rows.
import type { Db } from "../../server/db/client";

export const BIG_TABLES = ["ArchiveRecord", "Client", "Unit", "ClientUnit", "Complaint", "ServiceEvent", "ServiceCallback", "BorrowRequest", "BorrowItem", "ContactLog", "Appraisal", "AppraisalScore", "AuditLog", "User"];

export async function volumes(db: Db): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ t: string; n: number }[]>(
    `SELECT relname AS t, GREATEST(reltuples, 0)::float8 AS n FROM pg_class WHERE relkind = 'r' AND relname = ANY($1::text[])`,
    BIG_TABLES,
  );
  const out: Record<string, number> = {};
  for (const t of BIG_TABLES) out[t] = Math.round(rows.find((r) => r.t === t)?.n ?? 0);
  return out;
}
