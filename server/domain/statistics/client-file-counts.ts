import { withStatementBudget, type Db } from "../../db/client";
import { domainErrorOfDb } from "../../db/db-errors";
import { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { canSeeSecret } from "../archive/archive.policy";

// How many visible client files there are and how many are complete, counted by the database in
// one query: the 工作台 shows these two numbers on every load, and reading every file with its
// paper items into Node (clientFileCompleteness, which the statistics page needs for its
// per-place and most-missing tables) grows with the archive.
//
// "Complete" is exactly checkCompleteness()'s percent = 100 (archive/completeness.ts): no active
// checklist item of the file's class that applies to it (no condition; the client's kind for
// individual / company, none when no client is linked; the file's flag for the others) has fewer
// paper items — lines summed by name, names compared trimmed as String.prototype.trim does —
// than it requires. tests/integration/dashboard.test.ts checks both ways agree on edge cases.

/** Every character String.prototype.trim() removes, for btrim(): the same trim on both sides. */
const JS_TRIM_CHARS = (() => {
  let s = "";
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    if (c < 0xd800 || c > 0xdfff) if (ch.trim() === "") s += ch;
  }
  return s;
})();

export async function clientFileCompletenessCounts(db: Pick<Db, "archiveClass" | "$queryRaw">, roles: readonly Role[], projectId?: string): Promise<{ files: number; complete: number }> {
  // Starts from the client-file classes (a handful of rows), so the records are read through
  // ArchiveRecord(classId, year, seq) and the cost follows the number of client files, not the
  // archive: the ids are sent as literals so the planner sees from its statistics how few
  // records they hold (a join to ArchiveClass made it hash-join all records and 1.1M clients).
  const classes = await db.archiveClass.findMany({ where: { isClientFile: true }, select: { id: true } });
  if (classes.length === 0) return { files: 0, complete: 0 };
  const classIds = Prisma.join(classes.map((c) => Prisma.sql`${c.id}::uuid`));
  const visible = canSeeSecret(roles) ? Prisma.empty : Prisma.sql`AND r."confidentiality" <> 'secret'`;
  const project = projectId ? Prisma.sql`AND r."projectId" = ${projectId}::uuid` : Prisma.empty;
  // Set-wise, not a subquery per file and checklist item: the paper items of the visible files
  // summed per trimmed name once, then the applicable items they fall short of. The client's
  // kind is a scalar subquery: one primary-key probe per file, never a join over all clients.
  const [row] = await db.$queryRaw<{ files: number; incomplete: number }[]>`
    WITH files AS MATERIALIZED (
      SELECT r."id", r."classId", r."conditions",
             (SELECT c."kind"::text FROM "Client" c WHERE c."id" = r."clientId") AS "kind"
      FROM "ArchiveRecord" r
      WHERE r."classId" IN (${classIds}) ${visible} ${project}
    ), paper AS (
      SELECT p."recordId", btrim(p."name", ${JS_TRIM_CHARS}) AS "name", sum(p."count") AS "count"
      FROM files f JOIN "ArchivePaperItem" p ON p."recordId" = f."id"
      GROUP BY 1, 2
    ), lists AS (
      SELECT ci."classId", btrim(ci."name", ${JS_TRIM_CHARS}) AS "name", ci."requiredCount", ci."condition"
      FROM "ChecklistItem" ci WHERE ci."isActive" AND ci."classId" IN (${classIds})
    ), short AS (
      SELECT DISTINCT f."id"
      FROM files f
      JOIN lists l ON l."classId" = f."classId"
      LEFT JOIN paper p ON p."recordId" = f."id" AND p."name" = l."name"
      WHERE (l."condition" IS NULL
             OR (l."condition" IN ('individual', 'company') AND l."condition"::text = f."kind")
             OR (l."condition" NOT IN ('individual', 'company') AND l."condition" = ANY(f."conditions")))
        AND COALESCE(p."count", 0) < l."requiredCount"
    )
    SELECT (SELECT count(*) FROM files)::int AS "files", (SELECT count(*) FROM short)::int AS "incomplete"`;
  const files = row?.files ?? 0;
  return { files, complete: files - (row?.incomplete ?? 0) };
}

// The count follows the number of client files: cheap for a department's first hundred thousand,
// seconds once most of a million records are client files. The 工作台 shows it as one figure among
// many, so it gets a budget; a count that runs out of it is left out ("—", the 档案统计 page has the
// figure) and not tried again for a while, so fifty managers' dashboards do not each spend the
// budget. Readers of 机密 and the others count different files, hence one verdict per scope.
const DASHBOARD_BUDGET_MS = 2_000;
const RETRY_AFTER_MS = 10 * 60_000;
const tooBigUntil = new Map<"all" | "public", number>();

/** The dashboard's completeness figure, or null when counting it would take too long. */
export async function dashboardCompletenessCounts(db: Db, roles: readonly Role[], now = Date.now()): Promise<{ files: number; complete: number } | null> {
  const scope = canSeeSecret(roles) ? "all" : "public";
  if (now < (tooBigUntil.get(scope) ?? 0)) return null;
  try {
    return await withStatementBudget(db, DASHBOARD_BUDGET_MS, (tx) => clientFileCompletenessCounts(tx, roles));
  } catch (e) {
    if (domainErrorOfDb(e)?.code !== "QUERY_TIMEOUT") throw e;
    tooBigUntil.set(scope, now + RETRY_AFTER_MS);
    return null;
  }
}
