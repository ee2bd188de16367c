import type { SatisfactionLevel as Satisfaction } from "./complaint.machine";
import type { ComplaintGroups } from "./stats.read";

// 投诉统计 (DOMAIN §3: counts by category/channel/severity, on-time reply rate, callback rate,
// satisfaction, per person and per month). The database adds the period up (stats.read.ts) and
// statsOf names and orders its groups; aggregateStats is the same rule over rows, unit-tested with
// fixed instants and kept as the reference the SQL is checked against.

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

/** Counts by name, the largest first, ties by name: the order of every count table. */
export function sortedCounts(m: Map<string, number>): { name: string; count: number }[] {
  return [...m.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function countBy<T>(rows: T[], key: (r: T) => string): { name: string; count: number }[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return sortedCounts(m);
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

/**
 * The figures of aggregateStats from the database's groups. Categories and people are counted by
 * name (two of the same name share a line, as they always did), an unknown person as "—".
 */
export function statsOf(g: ComplaintGroups, categoryNames: Map<string, string>, personNames: Map<string, string>): ComplaintStats {
  const total = g.groups.find((r) => !r.categoryId && !r.channel && !r.severity && !r.receivedById && !r.month);
  const by = (key: (r: ComplaintGroups["groups"][number]) => string | null, name: (k: string) => string = (k) => k) => {
    const m = new Map<string, number>();
    for (const r of g.groups) {
      const k = key(r);
      if (k !== null) m.set(name(k), (m.get(name(k)) ?? 0) + r.n);
    }
    return sortedCounts(m);
  };
  const cbTotal = g.callbacks.find((k) => k.satisfaction === null);
  const n = total?.n ?? 0;
  return {
    total: n,
    onTimeReply: rate(total?.repliedOnTime ?? 0, total?.replyEnded ?? 0),
    onTimeProgress: rate(total?.progressOnTime ?? 0, n),
    callbackRate: rate(cbTotal?.calledBackOwed ?? 0, total?.owed ?? 0),
    onTimeCallback: rate(cbTotal?.onTime ?? 0, cbTotal?.n ?? 0),
    repairCallbackRate: rate(g.repairs.calledBack, g.repairs.owed),
    byCategory: by((r) => r.categoryId, (id) => categoryNames.get(id) ?? "—"),
    byChannel: by((r) => r.channel),
    bySeverity: by((r) => r.severity),
    byPerson: by((r) => r.receivedById, (id) => personNames.get(id) ?? "—"),
    byMonth: by((r) => r.month).sort((a, b) => a.name.localeCompare(b.name)),
    satisfaction: SATISFACTION_ORDER.map((s) => ({ name: s, count: g.callbacks.find((k) => k.satisfaction === s)?.n ?? 0 })),
  };
}
