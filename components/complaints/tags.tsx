import { getTranslations } from "next-intl/server";
import { Tag, type Tone } from "@/components/ui/tag";
import { formatShanghai } from "@/server/domain/time";
import type { Clock } from "@/server/domain/complaints/clocks";

export const STATUS_TONE: Record<string, Tone> = { received: "amber", in_progress: "blue", resolved: "violet", called_back: "green", closed: "grey" };
export const CLOCK_TONE: Record<Clock["state"], Tone> = { running: "green", dueSoon: "amber", late: "red", met: "grey", metLate: "red", none: "grey" };
export const REPAIR_TONE: Record<string, Tone> = { registered: "grey", pending_approval: "amber", approved: "blue", rejected: "red", done: "violet", called_back: "green" };

export async function ComplaintStatusTag({ status }: { status: "received" | "in_progress" | "resolved" | "called_back" | "closed" }) {
  const t = await getTranslations("complaints");
  return <Tag tone={STATUS_TONE[status]}>{t(`statuses.${status}`)}</Tag>;
}

export async function SeverityTag({ severity }: { severity: "normal" | "major" }) {
  const t = await getTranslations("complaints");
  return severity === "major" ? <Tag tone="red">{t("severities.major")}</Tag> : <Tag tone="grey">{t("severities.normal")}</Tag>;
}

export async function RepairStatusTag({ status }: { status: "registered" | "pending_approval" | "approved" | "rejected" | "done" | "called_back" }) {
  const t = await getTranslations("repairs");
  return <Tag tone={REPAIR_TONE[status]}>{t(`statuses.${status}`)}</Tag>;
}

/** Minutes between two instants as "1天2小时5分" (the catalogue's duration). */
async function durationText(ms: number) {
  const t = await getTranslations("complaints");
  const total = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  return t("duration", { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 }).trim();
}

/** One clock's tag as plain fields, so a client row (components/complaints/complaint-rows.tsx) shows what ClockTag shows. */
export type ClockView = { name: "reply" | "progress" | "callback"; state: Clock["state"]; tone: Tone; label: string; due: string | undefined };

export async function clockView(name: ClockView["name"], clock: Clock, now: Date): Promise<ClockView> {
  const t = await getTranslations("complaints");
  const left = clock.due ? await durationText(clock.due.getTime() - now.getTime()) : "";
  const label = t(`clockStates.${clock.state}`, { clock: t(`clockNames.${name}`), left });
  return { name, state: clock.state, tone: CLOCK_TONE[clock.state], label, due: clock.due ? formatShanghai(clock.due) : undefined };
}

/** The clocks a list shows: the reply clock always, the others once they run. */
export async function clockViews(clocks: { reply: Clock; progress: Clock; callback: Clock }, now: Date) {
  const names = (["reply", "progress", "callback"] as const).filter((n) => n === "reply" || clocks[n].state !== "none");
  return Promise.all(names.map((n) => clockView(n, clocks[n], now)));
}

/**
 * One clock as a coloured tag: green time left, amber 即将到期 within the warning lead (settings), red late (or done late),
 * grey done or not running. The due time is in the tooltip.
 */
export async function ClockTag({ name, clock, now }: { name: "reply" | "progress" | "callback"; clock: Clock; now: Date }) {
  const v = await clockView(name, clock, now);
  return (
    <span title={v.due} data-clock={name} data-state={v.state}>
      <Tag tone={v.tone}>{v.label}</Tag>
    </span>
  );
}

export async function ClockTags({ clocks, now }: { clocks: { reply: Clock; progress: Clock; callback: Clock }; now: Date }) {
  return (
    <span className="flex flex-wrap gap-1">
      <ClockTag name="reply" clock={clocks.reply} now={now} />
      {clocks.progress.state !== "none" && <ClockTag name="progress" clock={clocks.progress} now={now} />}
      {clocks.callback.state !== "none" && <ClockTag name="callback" clock={clocks.callback} now={now} />}
    </span>
  );
}
