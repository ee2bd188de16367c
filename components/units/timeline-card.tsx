import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { Tag, type Tone } from "@/components/ui/tag";
import { formatShanghai } from "@/server/domain/time";
import type { TimelineDay, TimelineKind } from "@/server/domain/units/timeline";
import { TIMELINE_LIMIT } from "@/server/domain/units/unit-page.service";

const TONE: Record<TimelineKind, Tone> = {
  ownerSince: "grey",
  recordFormed: "green",
  loanRequested: "amber",
  loanLent: "blue",
  loanReturned: "grey",
  complaintReceived: "red",
  complaintResolved: "violet",
  complaintClosed: "grey",
  callback: "green",
  repairRegistered: "amber",
  repairDone: "violet",
  certificateHanded: "blue",
  certificateVoided: "grey",
};

/** 时间线: every dated fact of the sections the viewer may see, newest first, by Beijing day. */
export async function TimelineCard({ days, more = false }: { days: TimelineDay[]; more?: boolean }) {
  const t = await getTranslations("units");
  return (
    <Card title={t("timeline")}>
      {days.length === 0 ? (
        <EmptyState>{t("timelineEmpty")}</EmptyState>
      ) : (
        <ol className="space-y-4" data-testid="unit-timeline">
          {days.map((d) => (
            <li key={d.day}>
              <h3 className="mb-1 text-xs font-semibold text-slate-500">{d.day}</h3>
              <ul className="space-y-1 border-l-2 border-slate-200 pl-3">
                {d.entries.map((e, i) => (
                  <li key={`${e.kind}-${e.ref}-${i}`} className="flex flex-wrap items-center gap-2 text-sm" data-testid="timeline-entry" data-kind={e.kind}>
                    <span className="w-10 font-mono text-xs tabular-nums text-slate-400">{e.kind === "recordFormed" ? "" : formatShanghai(e.at, "HH:mm")}</span>
                    <Tag tone={TONE[e.kind]}>{t(`kinds.${e.kind}`)}</Tag>
                    {e.href ? (
                      <Link href={e.href} className="font-mono text-brand-700 hover:underline">{e.ref}</Link>
                    ) : (
                      <span className="font-medium">{e.ref}</span>
                    )}
                    {e.title !== e.ref && <span className="text-slate-600">{e.title}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {more && <p className="mt-2 text-xs text-slate-500" data-testid="timeline-more">{t("timelineMore", { limit: TIMELINE_LIMIT })}</p>}
    </Card>
  );
}
