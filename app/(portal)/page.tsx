import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { PageHeader } from "@/components/ui/card";
import { MyComplaintsCard } from "@/components/dashboard/my-complaints-card";
import { MyLoansCard } from "@/components/dashboard/my-loans-card";
import { DeskCard } from "@/components/dashboard/desk-card";
import { ApprovalsCard } from "@/components/dashboard/approvals-card";
import { OverdueCard } from "@/components/dashboard/overdue-card";
import { MonthFiguresCard } from "@/components/dashboard/month-figures-card";
import { RecentActivityCard } from "@/components/dashboard/recent-activity-card";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("pageTitles", "dashboard");

// 工作台 (issue 9 §1): one server round of counts (dashboard.home, narrowed by role in the
// service), then the cards this person's roles have something for.
export default async function HomePage() {
  const user = await requireUser();
  const [t, format] = await Promise.all([getTranslations("home"), getFormatter()]);
  const caller = await api();
  const [d, recent] = await Promise.all([caller.dashboard.home(), caller.account.recentActivity()]);
  const now = new Date();
  const hasLeft = !!d.complaints || Object.values(d.approvals).some((v) => v !== null);
  return (
    <>
      <PageHeader title={t("welcome", { name: user.name })} subtitle={format.dateTime(now, { dateStyle: "full", timeZone: "Asia/Shanghai" })} />
      <div className="grid items-start gap-4 lg:grid-cols-3" data-testid="dashboard">
        {/* Two columns so cards of different heights leave no holes: what waits for me on the left, what is late and mine on the right. */}
        {hasLeft && (
          <div className="space-y-4 lg:col-span-2">
            <ApprovalsCard approvals={d.approvals} />
            {d.complaints && <MyComplaintsCard mine={d.complaints} overview={d.complaintOverview} now={now} />}
          </div>
        )}
        <div className={hasLeft ? "space-y-4" : "space-y-4 lg:col-span-3"}>
          <OverdueCard d={d} />
          {d.loans && <MyLoansCard loans={d.loans} />}
          {d.desk && <DeskCard desk={d.desk} />}
        </div>
        <MonthFiguresCard f={d.figures} />
        <RecentActivityCard recent={recent} />
      </div>
    </>
  );
}
