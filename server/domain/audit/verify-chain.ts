import type { Db } from "../../db/client";
import type { Anchor, ChainPoint } from "./checkpoint";

export type ChainReport =
  | { ok: true; checked: number; last: ChainPoint; anchored: number }
  | { ok: false; checked: number; brokenAt: bigint; reason: "hash" | "link" | "head" | "checkpoint"; checkpointLine?: number };

/** What the check reads with: the portal's client or a transaction of it. */
export type ChainReader = Pick<Db, "$queryRaw">;

export type VerifyOptions = {
  /**
   * Signed checkpoints (checkpoint.ts): the entry each names must still have the hash it signed.
   * A chain rewritten and re-hashed from an entry at or before a checkpoint fails here.
   */
  anchors?: readonly Anchor[];
  /**
   * Start at this entry (a checkpoint already verified) instead of the first: it must still have
   * its hash, and the entries after it must chain on from it. For the checkpoint job, which
   * extends the last checkpoint without walking the whole log.
   */
  from?: ChainPoint;
  /** Stop after this entry (the chain head read in the same snapshot). */
  upTo?: bigint;
};

const BATCH = 5000;

/**
 * Recomputes every entry's hash in the database (the same SQL function the insert trigger
 * uses) and reports the first entry whose content or link to its predecessor does not match, or
 * that differs from what a signed checkpoint holds.
 */
export async function verifyAuditChain(db: ChainReader, opts: VerifyOptions = {}): Promise<ChainReport> {
  const expectAt = new Map<bigint, Anchor[]>();
  for (const a of opts.anchors ?? []) {
    if (a.lastId === 0n) continue; // the empty chain: nothing to compare
    expectAt.set(a.lastId, [...(expectAt.get(a.lastId) ?? []), a]);
  }
  let prevHash = opts.from?.lastHash ?? "";
  let afterId = opts.from?.lastId ?? 0n;
  let lastId = afterId;
  let checked = 0;
  let anchored = 0;

  if (opts.from && opts.from.lastId > 0n) {
    const [row] = await db.$queryRaw<{ hash: string; expected: string }[]>`
      SELECT l."hash", audit_log_hash(l."prevHash", l) AS expected FROM "AuditLog" l WHERE l."id" = ${opts.from.lastId}`;
    if (!row || row.hash !== opts.from.lastHash || row.hash !== row.expected) {
      return { ok: false, checked, brokenAt: opts.from.lastId, reason: "checkpoint" };
    }
  }

  for (;;) {
    const upTo = opts.upTo ?? 9223372036854775807n;
    const rows = await db.$queryRaw<{ id: bigint; prevHash: string; hash: string; expected: string }[]>`
      SELECT l."id", l."prevHash", l."hash", audit_log_hash(l."prevHash", l) AS expected
      FROM "AuditLog" l WHERE l."id" > ${afterId} AND l."id" <= ${upTo} ORDER BY l."id" LIMIT ${BATCH}`;
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { ok: false, checked, brokenAt: r.id, reason: "link" };
      if (r.hash !== r.expected) return { ok: false, checked, brokenAt: r.id, reason: "hash" };
      for (const a of expectAt.get(r.id) ?? []) {
        if (a.lastHash !== r.hash) return { ok: false, checked, brokenAt: r.id, reason: "checkpoint", checkpointLine: a.line };
        anchored++;
      }
      expectAt.delete(r.id);
      prevHash = r.hash;
      afterId = r.id;
      lastId = r.id;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  // A checkpoint naming an entry the walk did not meet: that entry was deleted, or the chain is
  // shorter than it was when signed (the tail removed and the head set back).
  const [missing] = [...expectAt.values()].flat().sort((a, b) => (a.lastId < b.lastId ? -1 : 1));
  if (missing) {
    return { ok: false, checked, brokenAt: missing.lastId, reason: "checkpoint", checkpointLine: missing.line };
  }
  if (opts.upTo === undefined) {
    const [head] = await db.$queryRaw<{ lastHash: string; lastId: bigint }[]>`SELECT "lastHash", "lastId" FROM "AuditChainHead" WHERE "id" = 1`;
    // A deleted tail (triggers disabled by the owner) leaves the head pointing past the last row.
    if (head && head.lastHash !== prevHash) return { ok: false, checked, brokenAt: head.lastId, reason: "head" };
  }
  return { ok: true, checked, last: { lastId, lastHash: prevHash }, anchored };
}
