import { getTranslations } from "next-intl/server";
import type { HomeDashboard } from "@/server/domain/dashboard/dashboard.service";
import { Card } from "@/components/ui/card";
import { StatGrid, StatLink } from "./stat-link";

/** 借还台 for the archive room: the desk's four tabs, each a link to it. */
export async function DeskCard({ desk }: { desk: NonNullable<HomeDashboard["desk"]> }) {
  const t = await getTranslations("dashboard");
  return (
    <Card title={t("desk")}>
      <StatGrid>
        <StatLink href="/borrowing/desk?view=waiting" label={t("deskWaiting")} value={desk.waiting} testId="dash-desk-waiting" />
        <StatLink href="/borrowing/desk?view=onLoan" label={t("deskOnLoan")} value={desk.onLoan} testId="dash-desk-onloan" />
        <StatLink href="/borrowing/desk?view=overdue" label={t("deskOverdue")} value={desk.overdue} alert testId="dash-desk-overdue" />
        <StatLink href="/borrowing/desk?view=returnedToday" label={t("deskReturnedToday")} value={desk.returnedToday} testId="dash-desk-returned" />
      </StatGrid>
    </Card>
  );
}
