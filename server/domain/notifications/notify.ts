import type { Tx } from "../../db/tx";
import type { Role } from "../../auth/roles";

export type NotificationParams = Record<string, string | number>;

export type NotifyInput = {
  userIds: readonly string[];
  /** A key of the catalogue's notifications.kinds, e.g. "borrowOverdue". */
  kind: string;
  params?: NotificationParams;
  /** The portal path the notification opens. */
  link?: string;
  /**
   * Makes the notification go out once per recipient: a second notify with the same key (a
   * scheduler tick on another server instance, a retried transaction) adds nothing.
   */
  dedupeKey?: string;
};

/**
 * Puts a notification in each recipient's in-app inbox, in the caller's transaction (it exists
 * exactly when the change it announces does). The rows are also the outbox for channels added
 * later (e-mail, SMS): a sender reads them, so callers never change. Returns how many were new.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const res = await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: input.kind,
      params: input.params ?? {},
      link: input.link ?? null,
      dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${userId}` : null,
    })),
    skipDuplicates: true,
  });
  return res.count;
}

/** Active people holding any of the roles: the recipients of "someone must act" notices. */
export async function activeUserIdsWithRoles(tx: Tx, roles: readonly Role[], except?: string | null): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { isActive: true, roles: { some: { role: { in: [...roles] } } }, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
