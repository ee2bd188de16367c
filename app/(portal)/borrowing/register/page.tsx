import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { formatShanghai, shanghaiDay } from "@/server/domain/time";
import { REGISTER_READERS } from "@/server/domain/borrowing/borrow.policy";
import { MAX_EXPORT_ROWS, filtersFromParams, paramsOfFilters, paramsOfPrintFilters } from "@/server/domain/borrowing/register.schema";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { PrintButton } from "@/components/print/print-button";
import { periodIdForFilter } from "@/server/print/period-id";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Tag } from "@/components/ui/tag";
import { buttonClass } from "@/components/ui/button";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag } from "@/components/borrowing/status-tag";
import { RegisterFiltersForm } from "@/components/borrowing/register-filters";
import { RegisterSortHeader } from "@/components/borrowing/register-sort-header";

type Search = Record<string, string | string[] | undefined>;

/** 借阅登记表: every loan, filterable, sortable, exportable (archivist, supervisor, manager, auditor). */
export default async function BorrowRegisterPage({ searchParams }: { searchParams: Promise<Search> }) {
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
  const day = (at: Date | null) => formatShanghai(at, "yyyy-MM-dd");

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
          <Table caption={t("title")}>
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
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((r) => (
                <tr key={r.id} className={r.overdueDays > 0 ? "bg-red-50/40 hover:bg-red-50" : "hover:bg-slate-50"} data-testid="register-row">
                  <Td className="whitespace-nowrap px-2 align-top">
                    <Link href={`/borrowing/${r.id}`} className="font-mono text-xs text-brand-600 hover:underline">
                      {r.requestNo}
                    </Link>
                    <div className="mt-1">
                      <BorrowTypeTag type={r.borrowType} />
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap px-2 align-top">{r.borrower}</Td>
                  <Td className="px-2 align-top">
                    <ul className="space-y-0.5">
                      {r.records.map((i) => (
                        <li key={i.id} className="flex max-w-[17rem] items-baseline gap-1.5 text-xs">
                          <span className="whitespace-nowrap font-mono">{i.archiveNo}</span>
                          <span className={i.title ? "truncate text-slate-600" : "truncate italic text-slate-400"} title={i.title ?? t("secretTitle")}>
                            {i.title ?? t("secretTitle")}
                          </span>
                          {i.returnCheck === "incomplete" && (
                            <span className="whitespace-nowrap text-red-700" title={i.returnNote ?? undefined}>
                              {t("returnIncomplete")}
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="max-w-[8rem] truncate px-2 align-top text-xs" title={r.purpose}>
                    {r.purpose}
                  </Td>
                  <Td className="px-2 align-top">
                    <div className="flex flex-col items-start gap-1">
                      <BorrowStatusTag status={r.status} />
                      <OverdueTag days={r.overdueDays} />
                      {r.returnedLate && <Tag tone="amber">{t("returnedLate")}</Tag>}
                      {r.renewalCount > 0 && <Tag tone="blue">{`${t("colRenewals")} ${r.renewalCount}`}</Tag>}
                      {r.renewalPending && <Tag tone="amber">{t("renewalPending")}</Tag>}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap px-2 align-top text-xs">
                    {r.approvedBy ? <div title={formatShanghai(r.approvedAt)}>{r.approvedBy}</div> : null}
                    {r.secondApprovedBy ? <div className="text-slate-500" title={formatShanghai(r.secondApprovedAt)}>{t("secondApprover", { name: r.secondApprovedBy })}</div> : r.status === "pending_second" ? <div className="text-violet-700">{t("awaitingSecond")}</div> : null}
                    {r.rejectedBy ? <div className="text-red-700" title={r.rejectComment ?? undefined}>{t("rejectedBy", { name: r.rejectedBy })}</div> : null}
                    {!r.approvedBy && !r.rejectedBy && <span className="text-slate-400">—</span>}
                  </Td>
                  <Td className="whitespace-nowrap px-2 align-top text-xs tabular-nums" title={formatShanghai(r.requestedAt)}>
                    {day(r.requestedAt)}
                  </Td>
                  <Td className="whitespace-nowrap px-2 align-top text-xs tabular-nums">
                    {r.lentAt ? (
                      <div title={formatShanghai(r.lentAt)}>
                        {day(r.lentAt)}
                        <span className={r.receivedAt ? "ml-1 text-slate-400" : "ml-1 text-amber-700"} title={r.receivedAt ? formatShanghai(r.receivedAt) : undefined}>
                          {r.receivedAt ? t("received") : t("notReceivedShort")}
                        </span>
                      </div>
                    ) : (
                      <div className="text-slate-400">—</div>
                    )}
                    <div className={r.overdueDays > 0 ? "font-medium text-red-700" : "text-slate-500"}>
                      {t("dueShort", { day: r.dueOn })}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap px-2 align-top text-xs tabular-nums">
                    {r.returnedAt ? (
                      <>
                        <div title={formatShanghai(r.returnedAt)}>{day(r.returnedAt)}</div>
                        {r.returnedState === "incomplete" ? <Tag tone="red">{t("returnIncomplete")}</Tag> : <Tag tone="green">{t("returnComplete")}</Tag>}
                      </>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} params={params} />
        </>
      )}
    </>
  );
}
