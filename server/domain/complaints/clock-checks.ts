import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { formatShanghai } from "../time";
import { OPEN_STATUSES } from "./complaint.machine";
import { responsibleId } from "./complaints.policy";
import { readSettings } from "./settings.service";

// The periodic check behind the clocks: when a clock runs out, the person responsible and the
// supervisors are told once. Each notice is keyed by the complaint and the due time it is about,
// so a rerun (or a second server instance) adds nothing, and a new due time gets a new notice.

const BATCH = 200;

export async function checkComplaintClocks(db: Db, now: Date): Promise<{ reply: number; progress: number; callback: number; repairCallback: number; warned: number }> {
  const warned = await warnDueSoon(db, now);
  return { ...(await checkLate(db, now)), warned };
}

const MINUTE = 60_000;

/**
 * 即将到期 (issue 10 §4): a clock entering its warning lead (complaint settings) tells the person
 * responsible once — keyed by the complaint, the clock and the due time, like the late notices.
 */
export async function warnDueSoon(db: Db, now: Date): Promise<number> {
  const { leads } = await readSettings(db);
  const open = [...OPEN_STATUSES];
  const within = (lead: number) => ({ gte: now, lte: new Date(now.getTime() + lead * MINUTE) });
  const select = { id: true, complaintNo: true, receivedById: true, assigneeId: true, promisedReplyAt: true, progressDueAt: true, callbackDueAt: true } as const;
  const none = Promise.resolve([]);
  const [reply, progress, callback] = await Promise.all([
    leads.reply > 0 ? db.complaint.findMany({ where: { status: { in: open }, repliedAt: null, promisedReplyAt: within(leads.reply) }, select, take: BATCH }) : none,
    leads.progress > 0 ? db.complaint.findMany({ where: { status: { in: open }, progressDueAt: within(leads.progress) }, select, take: BATCH }) : none,
    leads.callback > 0 ? db.complaint.findMany({ where: { status: "resolved", callbackDueAt: within(leads.callback) }, select, take: BATCH }) : none,
  ]);
  if (reply.length + progress.length + callback.length === 0) return 0;
  return inTransaction(db, async (tx) => {
    let n = 0;
    const send = async (c: (typeof reply)[number], clock: "reply" | "progress" | "callback", due: Date) => {
      n += await notify(tx, {
        userIds: [responsibleId(c)],
        kind: "complaintClockDueSoon",
        params: { complaintNo: c.complaintNo, due: formatShanghai(due), clock },
        link: `/complaints/${c.id}`,
        dedupeKey: `complaint:${c.id}:${clock}Soon:${due.toISOString()}`,
      });
    };
    for (const c of reply) await send(c, "reply", c.promisedReplyAt);
    for (const c of progress) await send(c, "progress", c.progressDueAt!);
    for (const c of callback) await send(c, "callback", c.callbackDueAt!);
    return n;
  });
}

async function checkLate(db: Db, now: Date): Promise<{ reply: number; progress: number; callback: number; repairCallback: number }> {
  const open = [...OPEN_STATUSES];
  const select = { id: true, complaintNo: true, receivedById: true, assigneeId: true, promisedReplyAt: true, progressDueAt: true, callbackDueAt: true } as const;
  const [replyLate, progressLate, callbackLate] = await Promise.all([
    db.complaint.findMany({ where: { status: { in: open }, repliedAt: null, promisedReplyAt: { lt: now } }, select, take: BATCH, orderBy: { promisedReplyAt: "asc" } }),
    db.complaint.findMany({ where: { status: { in: open }, progressDueAt: { lt: now } }, select, take: BATCH, orderBy: { progressDueAt: "asc" } }),
    db.complaint.findMany({ where: { status: "resolved", callbackDueAt: { lt: now } }, select, take: BATCH, orderBy: { callbackDueAt: "asc" } }),
  ]);
  // 001: repairs are called back too (target 100 %).
  const repairLate = await db.repairOrder.findMany({ where: { status: "done", callbackDueAt: { lt: now } }, select: { id: true, orderNo: true, createdById: true, callbackDueAt: true }, take: BATCH, orderBy: { callbackDueAt: "asc" } });
  if (replyLate.length + progressLate.length + callbackLate.length + repairLate.length === 0) return { reply: 0, progress: 0, callback: 0, repairCallback: 0 };
  return inTransaction(db, async (tx) => {
    const supervisors = await activeUserIdsWithRoles(tx, ["supervisor"]);
    const { rules } = await readSettings(tx);
    const counts = { reply: 0, progress: 0, callback: 0, repairCallback: 0 };
    const send = async (c: (typeof replyLate)[number], kind: string, due: Date, key: string, extra: Record<string, string | number> = {}) => {
      const n = await notify(tx, {
        userIds: [responsibleId(c), ...supervisors],
        kind,
        params: { complaintNo: c.complaintNo, due: formatShanghai(due), ...extra },
        link: `/complaints/${c.id}`,
        dedupeKey: `complaint:${c.id}:${key}:${due.toISOString()}`,
      });
      return n > 0 ? 1 : 0;
    };
    for (const c of replyLate) counts.reply += await send(c, "complaintReplyLate", c.promisedReplyAt, "reply");
    for (const c of progressLate) counts.progress += await send(c, "complaintProgressLate", c.progressDueAt!, "progress", { hours: rules.progressHours });
    for (const c of callbackLate) counts.callback += await send(c, "complaintCallbackLate", c.callbackDueAt!, "callback");
    for (const r of repairLate) {
      const n = await notify(tx, {
        userIds: [r.createdById, ...supervisors],
        kind: "repairCallbackLate",
        params: { orderNo: r.orderNo, due: formatShanghai(r.callbackDueAt) },
        link: `/complaints/repairs/${r.id}`,
        dedupeKey: `repair:${r.id}:callback:${r.callbackDueAt!.toISOString()}`,
      });
      counts.repairCallback += n > 0 ? 1 : 0;
    }
    return counts;
  });
}
