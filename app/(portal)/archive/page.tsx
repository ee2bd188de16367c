import { getTranslations } from "next-intl/server";
import { Plus, Trash2 } from "lucide-react";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { ARCHIVE_KEEPERS, ARCHIVE_REGISTRARS, PII_REVEALERS, WEEDING_APPROVERS, canSeeSecret } from "@/server/domain/archive/archive.policy";
import { SEARCH_SORTS, ZSearchRecords, type TSearchRecords } from "@/server/domain/archive/search.schema";
import { PageHeader, EmptyState } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { SearchFilters, type SearchParams } from "@/components/archive/search-filters";
import { SearchResults } from "@/components/archive/search-results";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("archiveSearch", "title");

/** URL → procedure input; a hand-edited URL with a bad value drops that filter instead of failing. */
function inputOf(sp: SearchParams): TSearchRecords {
  const raw: Record<string, unknown> = { ...sp, page: Math.max(1, Number(sp.page) || 1) };
  const shape = ZSearchRecords.shape;
  for (const [k, v] of Object.entries(raw)) {
    const field = shape[k as keyof typeof shape];
    if (v === "" || !field || !field.safeParse(v).success) delete raw[k];
  }
  if (!SEARCH_SORTS.includes(raw.sort as never)) delete raw.sort;
  return raw as TSearchRecords;
}

async function ArchiveSearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireModule("archive");
  const sp = await searchParams;
  const t = await getTranslations("archiveSearch");
  const caller = await api();
  const input = inputOf(sp);
  const [data, options] = await Promise.all([caller.archive.search.records(input), caller.archive.search.filterOptions({ buildingId: input.buildingId })]);
  const filtered = Object.entries(input).some(([k, v]) => !["page", "sort", "dir"].includes(k) && v);
  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            {hasAnyRole(user.roles, [...ARCHIVE_KEEPERS, ...WEEDING_APPROVERS]) && (
              <LinkButton href="/archive/weeding" variant="secondary">
                <Trash2 className="h-4 w-4" aria-hidden />
                {t("weeding")}
              </LinkButton>
            )}
            {hasAnyRole(user.roles, ARCHIVE_REGISTRARS) && (
              <LinkButton href="/archive/new">
                <Plus className="h-4 w-4" aria-hidden />
                {t("newRecord")}
              </LinkButton>
            )}
          </>
        }
      />
      <SearchFilters sp={sp} options={options} canSeeSecret={canSeeSecret(user.roles)} />
      {data.rows.length === 0 ? <EmptyState>{filtered || data.page > 1 ? t("emptyFiltered") : t("emptyAll")}</EmptyState> : <SearchResults data={data} sp={sp} mayReveal={hasAnyRole(user.roles, PII_REVEALERS)} />}
    </>
  );
}

export default withClientMessages(["archiveSearch", "buildingPicker", "reveal"], ArchiveSearchPage);
