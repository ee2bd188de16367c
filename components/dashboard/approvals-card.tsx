import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { HomeDashboard } from "@/server/domain/dashboard/dashboard.service";
import { formatShanghai } from "@/server/domain/time";
import { Card, EmptyState } from "@/components/ui/card";
import { Tag } from "@/components/ui/tag";
import { BorrowTypeTag } from "@/components/borrowing/status-tag";
import { StatGrid, StatLink } from "./stat-link";

/** 待我审批: loans and renewals, destruction lists, repair costs, appraisals — what this role decides. */
export async function ApprovalsCard({ approvals }: { approvals: HomeDashboard["approvals"] }) {
  const t = await getTranslations("dashboard");
  const a = approvals;
  const entries = [
    a.loans && { key: "loanRequests", href: "/borrowing/approvals", value: a.loans.requests },
    a.loans && a.loans.renewals > 0 && { key: "loanRenewals", href: "/borrowing/approvals", value: a.loans.renewals },
    a.weeding !== null && { key: "weedingLists", href: "/archive/weeding?status=submitted", value: a.weeding },
    a.repairs !== null && { key: "repairCosts", href: "/complaints/repairs?mine=1", value: a.repairs },
    a.appraisalsToScore !== null && { key: "appraisalsToScore", href: "/appraisal?status=draft", value: a.appraisalsToScore },
    a.appraisalsToAcknowledge !== null && { key: "appraisalsToAcknowledge", href: "/appraisal?status=scored", value: a.appraisalsToAcknowledge },
    a.appraisalsToFinalise !== null && { key: "appraisalsToFinalise", href: "/appraisal?status=confirmed", value: a.appraisalsToFinalise },
  ].filter((e): e is { key: string; href: string; value: number } => !!e);
  if (entries.length === 0) return null;
  const total = entries.reduce((s, e) => s + e.value, 0);
  return (
    <Card title={t("approvals")}>
      <StatGrid>
        {entries.map((e) => (
          <StatLink key={e.key} href={e.href} label={t(e.key as "loanRequests")} value={e.value} testId={`dash-approvals-${e.key}`} />
        ))}
      </StatGrid>
      {a.loans && a.loans.rows.length > 0 ? (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="dash-approval-rows">
          {a.loans.rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
              <Link href={`/borrowing/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.requestNo}
              </Link>
              <span className="text-slate-700">{r.requester}</span>
              <BorrowTypeTag type={r.borrowType} />
              {r.needsSecondApproval && <Tag tone="red">{t("secret")}</Tag>}
              <span className="ml-auto tabular-nums text-slate-500">{formatShanghai(r.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        total === 0 && (
          <div className="mt-3">
            <EmptyState>{t("approvalsNone")}</EmptyState>
          </div>
        )
      )}
    </Card>
  );
}
