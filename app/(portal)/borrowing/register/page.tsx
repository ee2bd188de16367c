import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { shanghaiDay } from "@/server/domain/time";
import { REGISTER_READERS } from "@/server/domain/borrowing/borrow.policy";
import { MAX_EXPORT_ROWS, filtersFromParams, paramsOfFilters, paramsOfPrintFilters } from "@/server/domain/borrowing/register.schema";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { PrintButton } from "@/components/print/print-button";
import { periodIdForFilter } from "@/server/print/period-id";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { RegisterFiltersForm } from "@/components/borrowing/register-filters";
import { RegisterSortHeader } from "@/components/borrowing/register-sort-header";
import { RegisterRows } from "@/components/borrowing/register-rows";
import { REGISTER_ROW_LABELS, registerRowView, type RegisterRowLabels } from "@/components/borrowing/register-row-view";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("register", "title");

type Search = Record<string, string | string[] | undefined>;

/** 借阅登记表: every loan, filterable, sortable, exportable (archivist, supervisor, manager, auditor). */
async function BorrowRegisterPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRoles(REGISTER_READERS);
  const { page, ...filters } = filtersFromParams(await searchParams);
  // 打印 prints the filter's period as the paper 借阅登记表, cut on the same 日期口径 and narrowed by
  // the same filters (stated on the paper); only the paging and the sort are the screen's own.
  const printPeriod = periodIdForFilter(filters.from, filters.to, shanghaiDay(new Date()));
  const caller = await api();
  const [list, t] = await Promise.all([caller.borrowing.register.list({ ...filters, page, pageSize: 20 }), getTranslations("register")]);
  const params = paramsOfFilters(filters);
  const exportHref = (format: "csv" | "xlsx") => {
    const q = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    return `/api/borrowing/register/export?${q.toString()}`;
  };
  const filtered = Object.entries(params).some(([k, v]) => v && k !== "sort" && k !== "dir");
  const sortHeader = (sorts: [typeof filters.sort, string][]) => (
    <RegisterSortHeader filters={filters} sorts={sorts.map(([sort, label]) => ({ sort, label }))} sortLabel={(column) => t("sortBy", { column })} />
  );

  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            {printPeriod && <PrintButton form="borrow-register" id={printPeriod} query={paramsOfPrintFilters(filters)} />}
            <a href={exportHref("csv")} className={buttonClass("secondary")} download>
              <Download className="h-4 w-4" aria-hidden />
              {t("exportCsv")}
            </a>
            <a href={exportHref("xlsx")} className={buttonClass("secondary")} download>
              <Download className="h-4 w-4" aria-hidden />
              {t("exportXlsx")}
            </a>
          </>
        }
      />
      <RegisterFiltersForm filters={filters} />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span>{t("exportHint", { max: MAX_EXPORT_ROWS })}</span>
        {list.overdueNow > 0 && !filters.overdueOnly && (
          <span className="text-red-700">
            {t("overdueNow", { count: list.overdueNow })} ·{" "}
            <Link href="/borrowing/register?overdue=1" className="underline">
              {t("showOverdue")}
            </Link>
          </span>
        )}
      </div>
      {list.rows.length === 0 ? (
        <EmptyState>{filtered ? t("empty") : t("emptyAll")}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")} dense>
            <thead>
              <tr>
                {sortHeader([["requestNo", t("colRequestNo")]])}
                {sortHeader([["borrower", t("colBorrower")]])}
                <Th className="px-2">{t("colRecords")}</Th>
                <Th className="px-2">{t("colPurpose")}</Th>
                <Th className="px-2">{t("colStatus")}</Th>
                <Th className="px-2">{t("colApprover")}</Th>
                {sortHeader([["requestedAt", t("colRequestedAt")]])}
                {sortHeader([["lentAt", t("colLentAt")], ["dueOn", t("colDueOn")]])}
                {sortHeader([["returnedAt", t("colReturnedAt")]])}
              </tr>
            </thead>
            <RegisterRows rows={list.rows.map(registerRowView)} labels={Object.fromEntries(REGISTER_ROW_LABELS.map((k) => [k, t.raw(k) as string])) as RegisterRowLabels} />
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} params={params} />
        </>
      )}
    </>
  );
}

export default withClientMessages(["borrowStatus", "borrowType", "borrowing"], BorrowRegisterPage);
