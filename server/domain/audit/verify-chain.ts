import type { Db } from "../../db/client";

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: bigint; reason: "hash" | "link" | "head" };

const BATCH = 5000;

/**
 * Recomputes every entry's hash in the database (the same SQL function the insert trigger
 * uses) and reports the first entry whose content or link to its predecessor does not match.
 */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prevHash = "";
  let afterId = 0n;
  let checked = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: bigint; prevHash: string; hash: string; expected: string }[]>`
      SELECT l."id", l."prevHash", l."hash", audit_log_hash(l."prevHash", l) AS expected
      FROM "AuditLog" l WHERE l."id" > ${afterId} ORDER BY l."id" LIMIT ${BATCH}`;
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { ok: false, checked, brokenAt: r.id, reason: "link" };
      if (r.hash !== r.expected) return { ok: false, checked, brokenAt: r.id, reason: "hash" };
      prevHash = r.hash;
      afterId = r.id;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await db.$queryRaw<{ lastHash: string; lastId: bigint }[]>`SELECT "lastHash", "lastId" FROM "AuditChainHead" WHERE "id" = 1`;
  // A deleted tail (triggers disabled by a superuser) leaves the head pointing past the last row.
  if (head && head.lastHash !== prevHash) return { ok: false, checked, brokenAt: head.lastId, reason: "head" };
  return { ok: true, checked };
}
