import type { Tx } from "../../db/tx";
import type { Prisma } from "../../db/generated/client";

export type Actor = { id: string | null; name: string; ip?: string | null };
export const SYSTEM_ACTOR: Actor = { id: null, name: "system" };

type Json = Prisma.InputJsonValue;

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Json | null;
  after?: Json | null;
};

/**
 * Appends one entry (who, what, when, before → after) in the caller's transaction, so the
 * entry exists exactly when the change does. Hash chaining is done by the database trigger.
 */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
