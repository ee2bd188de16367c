import type { SatisfactionLevel as Satisfaction } from "./complaint.machine";

// 投诉统计 (DOMAIN §3: counts by category/channel/severity, on-time reply rate, callback rate,
// satisfaction, per person and per month). Pure: the service reads the period's rows and this
// adds them up, so every rate is unit-tested with fixed instants.

export type StatsComplaint = {
  receivedAt: Date;
  category: string;
  channel: string;
  severity: string;
  receivedBy: string;
  status: string;
  promisedReplyAt: Date;
  repliedAt: Date | null;
  progressLapses: number;
  progressDueAt: Date | null;
  /** Resolved at least once (a reopened one still owes its callback). */
  everResolved: boolean;
  callbacks: { calledAt: Date; dueAt: Date | null; satisfaction: Satisfaction }[];
};

export type StatsRepair = { everDone: boolean; calledBack: boolean };

export type Rate = { num: number; den: number; percent: string | null };

/** num/den as a percentage with one decimal (exact: integer arithmetic), null when nothing counts. */
export function rate(num: number, den: number): Rate {
  if (den === 0) return { num, den, percent: null };
  const tenths = Math.round((num * 1000) / den);
  return { num, den, percent: `${Math.floor(tenths / 10)}.${tenths % 10}` };
}

const SHANGHAI_OFFSET = 8 * 3600_000;
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 7);
}

function countBy<T>(rows: T[], key: (r: T) => string): { name: string; count: number }[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export const SATISFACTION_ORDER: readonly Satisfaction[] = ["very_satisfied", "satisfied", "neutral", "dissatisfied"];

export function aggregateStats(rows: StatsComplaint[], repairs: StatsRepair[], now: Date) {
  // A reply clock counts once it has ended: replied, or past the promised time.
  const replyEnded = rows.filter((r) => r.repliedAt || now.getTime() > r.promisedReplyAt.getTime());
  const repliedOnTime = replyEnded.filter((r) => r.repliedAt && r.repliedAt.getTime() <= r.promisedReplyAt.getTime());
  const progressLateNow = (r: StatsComplaint) => (r.status === "received" || r.status === "in_progress") && !!r.progressDueAt && now.getTime() > r.progressDueAt.getTime();
  const progressOnTime = rows.filter((r) => r.progressLapses === 0 && !progressLateNow(r));
  const owed = rows.filter((r) => r.everResolved);
  const calledBack = owed.filter((r) => r.callbacks.length > 0);
  const callbacks = rows.flatMap((r) => r.callbacks);
  const callbacksOnTime = callbacks.filter((k) => !k.dueAt || k.calledAt.getTime() <= k.dueAt.getTime());
  const repairsOwed = repairs.filter((r) => r.everDone);
  const months = countBy(rows, (r) => shanghaiMonth(r.receivedAt)).sort((a, b) => a.name.localeCompare(b.name));
  return {
    total: rows.length,
    onTimeReply: rate(repliedOnTime.length, replyEnded.length),
    onTimeProgress: rate(progressOnTime.length, rows.length),
    callbackRate: rate(calledBack.length, owed.length),
    onTimeCallback: rate(callbacksOnTime.length, callbacks.length),
    repairCallbackRate: rate(repairsOwed.filter((r) => r.calledBack).length, repairsOwed.length),
    byCategory: countBy(rows, (r) => r.category),
    byChannel: countBy(rows, (r) => r.channel),
    bySeverity: countBy(rows, (r) => r.severity),
    byPerson: countBy(rows, (r) => r.receivedBy),
    byMonth: months,
    satisfaction: SATISFACTION_ORDER.map((s) => ({ name: s, count: callbacks.filter((k) => k.satisfaction === s).length })),
  };
}

export type ComplaintStats = ReturnType<typeof aggregateStats>;
