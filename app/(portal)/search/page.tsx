import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { GLOBAL_SEARCHERS } from "@/server/domain/search/search.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("globalSearch", "pageTitle");

const PAGE_LIMIT = 20;

// /search?q=: the header's search with more hits per group (Enter with nothing selected).
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireRoles(GLOBAL_SEARCHERS);
  const q = ((await searchParams).q ?? "").trim().slice(0, 100);
  const t = await getTranslations("globalSearch");
  const result = q ? await (await api()).search.query({ q, limit: PAGE_LIMIT }) : null;
  const groups = result?.groups.filter((g) => g.hits.length > 0) ?? [];
  return (
    <>
      <PageHeader title={t("pageTitle")} subtitle={t("pageSubtitle")} />
      <form method="get" className="mb-4 flex max-w-xl gap-2" role="search">
        <Input name="q" defaultValue={q} aria-label={t("label")} placeholder={t("placeholder")} />
        <button type="submit" className={buttonClass("primary")}>{t("submit")}</button>
      </form>
      {!q ? (
        <EmptyState>{t("pageHint")}</EmptyState>
      ) : groups.length === 0 ? (
        <EmptyState>{t("emptyFor", { q })}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2" data-testid="search-results">
          {groups.map((g) => (
            <Card key={g.kind} title={`${t(`groups.${g.kind}`)} (${g.hits.length}${g.more ? "+" : ""})`}>
              <ul className="divide-y divide-slate-100" data-testid={`search-page-${g.kind}`}>
                {g.hits.map((h) => (
                  <li key={h.id} className="py-1.5 text-sm">
                    {h.href ? <Link href={h.href} className="text-brand-700 hover:underline">{h.title}</Link> : h.title}
                    {h.subtitle && <div className="text-xs text-slate-500">{h.subtitle}</div>}
                  </li>
                ))}
              </ul>
              {g.more && <p className="mt-2 text-xs text-slate-500">{t("moreHint")}</p>}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
