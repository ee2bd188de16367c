import { getTranslations } from "next-intl/server";
import { getActionLabel } from "@/components/audit/action-label";
import { formatShanghai } from "@/server/domain/time";
import { Card, EmptyState } from "@/components/ui/card";

/** 我最近的操作: the last few entries of my own audit trail, kept small. */
export async function RecentActivityCard({ recent }: { recent: { at: Date; action: string; entity: string }[] }) {
  const [t, label] = await Promise.all([getTranslations("home"), getActionLabel()]);
  return (
    <Card title={t("recent")} className="lg:col-span-3">
      {recent.length === 0 ? (
        <EmptyState>{t("noRecent")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {recent.slice(0, 5).map((r, i) => (
            <li key={i} className="flex gap-4 py-1.5">
              <span className="w-36 shrink-0 tabular-nums text-slate-500">{formatShanghai(r.at)}</span>
              <span className="text-slate-800">{label(r.action)}</span>
              <span className="text-slate-500">{r.entity}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
