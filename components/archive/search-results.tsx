import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import type { searchRecords } from "@/server/domain/archive/search.service";
import { RevealClientScope } from "./reveal-client";
import { SearchRows } from "./search-rows";
import type { SearchParams } from "./search-filters";

type Result = Awaited<ReturnType<typeof searchRecords>>;

function hrefWith(sp: SearchParams, patch: SearchParams) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...sp, ...patch })) if (v) q.set(k, v);
  return `/archive?${q.toString()}`;
}

/** A column header that sorts by its field; a second click turns the direction. */
async function SortTh({ sp, field, children }: { sp: SearchParams; field: "archiveNo" | "formedOn"; children: React.ReactNode }) {
  const t = await getTranslations("archiveSearch");
  const active = (sp.sort ?? "archiveNo") === field;
  const dir = active && (sp.dir ?? "asc") === "asc" ? "desc" : "asc";
  const Icon = active ? ((sp.dir ?? "asc") === "asc" ? ArrowUp : ArrowDown) : null;
  return (
    <Th aria-sort={active ? ((sp.dir ?? "asc") === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={hrefWith(sp, { sort: field, dir, page: undefined })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {children}
        {Icon && <Icon className="h-3 w-3" aria-label={t(dir === "asc" ? "sortDesc" : "sortAsc")} />}
      </Link>
    </Th>
  );
}

export async function SearchResults({ data, sp, mayReveal }: { data: Result; sp: SearchParams; mayReveal: boolean }) {
  const t = await getTranslations("archiveSearch");
  const tc = await getTranslations("common");
  const hasMore = data.page * data.pageSize < data.total || (data.totalCapped && data.rows.length === data.pageSize);
  const table = (
    <Table caption={t("title")}>
      <thead>
        <tr>
          <SortTh sp={sp} field="archiveNo">{t("colArchiveNo")}</SortTh>
          <Th>{t("colTitle")}</Th>
          <Th>{t("colClass")}</Th>
          <Th>{t("colPlace")}</Th>
          <Th>{t("colClient")}</Th>
          <SortTh sp={sp} field="formedOn">{t("colFormedOn")}</SortTh>
          <Th>{t("colRetention")}</Th>
          <Th>{t("colConfidentiality")}</Th>
          <Th>{t("colLocation")}</Th>
          <Th>{t("colStatus")}</Th>
        </tr>
      </thead>
      <SearchRows rows={data.rows} mayReveal={mayReveal} />
    </Table>
  );
  return (
    <>
      {mayReveal ? <RevealClientScope>{table}</RevealClientScope> : table}
      <nav aria-label="pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
        <span>
          {data.totalCapped ? t("foundCapped", { total: data.total }) : t("found", { total: data.total })} · {t("pageInfo", { page: data.page })}
        </span>
        <span className="flex gap-2">
          {data.page > 1 && (
            <Link className={buttonClass("secondary", "sm")} href={hrefWith(sp, { page: String(data.page - 1) })}>
              {tc("prev")}
            </Link>
          )}
          {hasMore && (
            <Link className={buttonClass("secondary", "sm")} href={hrefWith(sp, { page: String(data.page + 1) })}>
              {tc("next")}
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
