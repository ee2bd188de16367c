import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { HomeDashboard } from "@/server/domain/dashboard/dashboard.service";
import { Card, EmptyState } from "@/components/ui/card";
import { ClockTags, ComplaintStatusTag, SeverityTag } from "@/components/complaints/tags";
import { StatGrid, StatLink } from "./stat-link";

/** 我负责的投诉 with their clocks (red when late); the leads also get the department's counts. */
export async function MyComplaintsCard({ mine, overview, now }: { mine: NonNullable<HomeDashboard["complaints"]>; overview: HomeDashboard["complaintOverview"]; now: Date }) {
  const t = await getTranslations("dashboard");
  return (
    <Card title={t("myComplaints")}>
      <StatGrid>
        <StatLink href="/complaints?view=mine" label={t("myComplaintsOpen")} value={mine.count} testId="dash-complaints-mine" />
        {overview && <StatLink href="/complaints?view=overdue" label={t("overviewOverdue")} value={overview.overdue} alert testId="dash-complaints-overdue" />}
        {overview && <StatLink href="/complaints?view=unassigned" label={t("overviewUnassigned")} value={overview.unassigned} alert testId="dash-complaints-unassigned" />}
      </StatGrid>
      {mine.rows.length === 0 ? (
        <div className="mt-3">
          <EmptyState>{t("noComplaints")}</EmptyState>
        </div>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="dash-complaint-rows">
          {mine.rows.map((r) => (
            <li key={r.id} className={`flex flex-wrap items-center gap-2 py-2 ${r.late ? "bg-red-50/60" : ""}`} data-late={r.late ? "1" : "0"}>
              <Link href={`/complaints/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.complaintNo}
              </Link>
              <span className="text-slate-600">{r.category}</span>
              <span className="text-slate-500">{r.complainantName}</span>
              <ComplaintStatusTag status={r.status} />
              {r.severity === "major" && <SeverityTag severity="major" />}
              <span className="ml-auto">
                <ClockTags clocks={r.clocks} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
