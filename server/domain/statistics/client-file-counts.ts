import type { Db } from "../../db/client";
import type { Role } from "../../auth/roles";
import { canSeeSecret } from "../archive/archive.policy";

/** The nil uuid: how the tallies spell "no project" / "no building" (a key column cannot be null). */
export const NO_PLACE = "00000000-0000-0000-0000-000000000000";

/** The tallies' rows this viewer may count (机密 only for its readers), optionally of one project. */
export function tallyScope(roles: readonly Role[], projectId?: string) {
  return { ...(canSeeSecret(roles) ? {} : { isSecret: false }), ...(projectId ? { projectId } : {}) };
}

// How many client files this viewer may see and how many are complete: the sum of the database's
// per-place tallies (ClientFileTally, kept by triggers in every writer's transaction; see
// prisma/schema.prisma), a few rows per building whatever the size of the archive. "Complete" is
// checkCompleteness()'s percent = 100 (archive/completeness.ts); tests/integration/
// client-file-summary.test.ts checks the tallies against a full recount.
export async function clientFileCompletenessCounts(db: Pick<Db, "clientFileTally">, roles: readonly Role[], projectId?: string): Promise<{ files: number; complete: number }> {
  const sum = await db.clientFileTally.aggregate({ where: tallyScope(roles, projectId), _sum: { files: true, complete: true } });
  return { files: sum._sum.files ?? 0, complete: sum._sum.complete ?? 0 };
}
