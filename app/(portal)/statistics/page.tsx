import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { statisticsPagesFor } from "@/server/domain/statistics/statistics.policy";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("statistics", "title");

// 统计 hub (issue 9 §3): the statistics pages this person's roles may read; each page checks again.
export default async function StatisticsHubPage() {
  const user = await requireModule("statistics");
  const t = await getTranslations("statistics");
  const pages = statisticsPagesFor(user.roles);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {pages.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="statistics-hub">
          {pages.map((p) => (
            <li key={p.key}>
              <Link href={p.href} className="block rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600" data-page={p.key}>
                <div className="font-medium text-slate-800">{t(`pages.${p.key}`)}</div>
                <div className="mt-1 text-sm text-slate-500">{t(`pageHints.${p.key}`)}</div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
