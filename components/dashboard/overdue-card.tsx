import { getTranslations } from "next-intl/server";
import type { HomeDashboard } from "@/server/domain/dashboard/dashboard.service";
import { Card } from "@/components/ui/card";
import { StatGrid, StatLink } from "./stat-link";

/** 逾期与超时: my late complaint clocks and loans; the desk's and the leads' department-wide ones. */
export async function OverdueCard({ d }: { d: HomeDashboard }) {
  const t = await getTranslations("dashboard");
  const entries = [
    d.complaints && { key: "overdueComplaintsMine", href: "/complaints?view=overdue", value: d.complaints.overdue },
    d.complaintOverview && { key: "overdueComplaintsAll", href: "/complaints?view=overdue", value: d.complaintOverview.overdue },
    d.loans && { key: "overdueLoansMine", href: "/borrowing?overdue=1", value: d.loans.overdue },
    d.desk ? { key: "overdueLoansAll", href: "/borrowing/desk?view=overdue", value: d.desk.overdue } : d.overdueLoans !== null && { key: "overdueLoansAll", href: "/borrowing/register?overdue=1", value: d.overdueLoans },
  ].filter((e): e is { key: string; href: string; value: number } => !!e);
  if (entries.length === 0) return null;
  return (
    <Card title={t("overdue")}>
      <StatGrid>
        {entries.map((e) => (
          <StatLink key={e.key} href={e.href} label={t(e.key as "overdue")} value={e.value} alert testId={`dash-${e.key}`} />
        ))}
      </StatGrid>
    </Card>
  );
}
