import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { HomeDashboard } from "@/server/domain/dashboard/dashboard.service";
import { Card, EmptyState } from "@/components/ui/card";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag } from "@/components/borrowing/status-tag";
import { StatGrid, StatLink } from "./stat-link";

/** 我的借阅: what I hold and until when (overdue in red), and what still waits for approval. */
export async function MyLoansCard({ loans }: { loans: NonNullable<HomeDashboard["loans"]> }) {
  const t = await getTranslations("dashboard");
  return (
    <Card title={t("myLoans")}>
      <StatGrid>
        <StatLink href="/borrowing?status=lent" label={t("loansOnLoan")} value={loans.onLoan} testId="dash-loans-onloan" />
        <StatLink href="/borrowing?overdue=1" label={t("loansOverdue")} value={loans.overdue} alert testId="dash-loans-overdue" />
        <StatLink href="/borrowing?status=requested" label={t("loansWaiting")} value={loans.waiting} testId="dash-loans-waiting" />
      </StatGrid>
      {loans.rows.length === 0 ? (
        <div className="mt-3">
          <EmptyState>{t("noLoans")}</EmptyState>
        </div>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {loans.rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
              <Link href={`/borrowing/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.requestNo}
              </Link>
              <BorrowTypeTag type={r.borrowType} />
              <BorrowStatusTag status={r.status} />
              <span className={`ml-auto tabular-nums ${r.overdue ? "font-medium text-red-600" : "text-slate-500"}`}>{t("dueOn", { day: r.dueOn })}</span>
              <OverdueTag days={r.daysOverdue} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
