import type { Db } from "../../db/client";
import { inTransaction, type Tx } from "../../db/tx";
import { writeAudit, type Actor } from "../audit/audit-log";
import { DomainError } from "../errors";
import { ZLadderLevel, ZLadderUpdate, type TLadderUpdate } from "./calendar.schema";
import { DEFAULT_LADDERS, LADDER_KEYS, checkLadder, type Ladder, type LadderKey } from "./ladder";

// The ladders' levels (admin settings, one row per key; the defaults until the admin saves one).

/** The ladder in force; a stored one that no longer parses falls back to the default rather than stopping the job. */
export async function readLadder(db: Db | Tx, key: LadderKey): Promise<Ladder> {
  const row = await db.escalationLadder.findUnique({ where: { key } });
  if (!row) return DEFAULT_LADDERS[key];
  const parsed = ZLadderLevel.array().safeParse(row.levels);
  return parsed.success && checkLadder(parsed.data) === null ? parsed.data : DEFAULT_LADDERS[key];
}

export async function readLadders(db: Db | Tx) {
  const out = {} as Record<LadderKey, { levels: Ladder; updatedAt: Date | null }>;
  const rows = await db.escalationLadder.findMany();
  for (const key of LADDER_KEYS) {
    const row = rows.find((r) => r.key === key);
    out[key] = { levels: await readLadder(db, key), updatedAt: row?.updatedAt ?? null };
  }
  return out;
}

export async function updateLadder(db: Db, actor: Actor, raw: TLadderUpdate) {
  const input = ZLadderUpdate.parse(raw);
  const levels = input.levels.map((l) => ({ level: l.level, afterHours: l.afterHours, to: [...new Set(l.to)] }));
  const bad = checkLadder(levels);
  if (bad) throw new DomainError(bad as "LADDER_DELAY");
  return inTransaction(db, async (tx) => {
    const before = await readLadder(tx, input.key);
    await tx.escalationLadder.upsert({ where: { key: input.key }, create: { key: input.key, levels }, update: { levels } });
    await writeAudit(tx, actor, { action: "escalation.ladder.update", entity: "EscalationLadder", entityId: input.key, before: before as never, after: levels });
    return { key: input.key, levels };
  });
}
