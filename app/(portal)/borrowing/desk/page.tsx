import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { LENDERS } from "@/server/domain/borrowing/borrow.policy";
import { DESK_SORTS, DESK_VIEWS, type DeskView } from "@/server/domain/borrowing/loan.schema";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import { LoanDeskFilters } from "@/components/borrowing/loan-desk-filters";
import { DeskRows, type DeskRow } from "@/components/borrowing/desk-rows";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("loans", "deskTitle");

type Search = { view?: string; q?: string; sort?: string; dir?: string; page?: string };
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
const SHOWN_RECORDS = 3;

// 借还登记 (the archive desk): approved slips waiting to be handed over, loans out with the
// overdue ones first, overdue only, and what came back today. Archivists only.
async function LoanDeskPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRoles(LENDERS);
  const sp = await searchParams;
  const t = await getTranslations("loans");
  const view: DeskView = oneOf(DESK_VIEWS, sp.view) ?? "waiting";
  const sort = oneOf(DESK_SORTS, sp.sort);
  const dir = oneOf(["asc", "desc"] as const, sp.dir);
  const q = sp.q?.trim().slice(0, 50) || undefined;
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const desk = await (await api()).borrowing.loans.desk({ view, q, sort, dir, page });
  const params = { view, q, sort, dir };
  const tabHref = (v: DeskView) => `?${new URLSearchParams({ view: v, ...(q ? { q } : {}) }).toString()}`;
  const onLoan = view === "onLoan" || view === "overdue";

  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("deskTitle")} subtitle={t("deskSubtitle")} />
      <nav aria-label={t("deskTitle")} className="mb-3 flex flex-wrap gap-1 border-b border-slate-200">
        {DESK_VIEWS.map((v) => {
          const count = desk.counts[v];
          const active = v === view;
          return (
            <Link
              key={v}
              href={tabHref(v)}
              aria-current={active ? "page" : undefined}
              className={cn(
                "-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm",
                active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t(`views.${v}`)}
              <span className={cn("rounded-full px-1.5 text-xs tabular-nums", v === "overdue" && count > 0 ? "bg-red-100 text-red-700" : "bg-slate-100 text-slate-600")}>{count}</span>
            </Link>
          );
        })}
      </nav>
      <LoanDeskFilters view={view} q={q ?? ""} sort={desk.sort} dir={desk.dir} />

      {desk.rows.length === 0 ? (
        <EmptyState>{q ? t("emptySearch", { q }) : t(`empty.${view}`)}</EmptyState>
      ) : (
        <>
          <Table caption={t(`views.${view}`)}>
            <thead>
              <tr>
                <Th>{t("colRequestNo")}</Th>
                <Th>{t("colBorrower")}</Th>
                <Th>{t("colRecords")}</Th>
                {view === "waiting" && <Th>{t("colLocation")}</Th>}
                <Th>{t("colType")}</Th>
                <Th>{t("colDueOn")}</Th>
                {view === "waiting" && <Th>{t("colApprovedAt")}</Th>}
                {onLoan && <Th>{t("colLentAt")}</Th>}
                {view === "returnedToday" && <Th>{t("colReturnedAt")}</Th>}
                <Th>{t("colStatus")}</Th>
                <Th>{t("colActions")}</Th>
              </tr>
            </thead>
            <DeskRows
              view={view}
              rows={desk.rows.map((r): DeskRow => ({
                id: r.id,
                requestNo: r.requestNo,
                borrower: r.borrower,
                records: r.records.slice(0, SHOWN_RECORDS).map((rec) => ({ archiveNo: rec.archiveNo, title: rec.title, location: view === "waiting" ? (rec.location ?? null) : null })),
                recordCount: r.records.length,
                borrowType: r.borrowType,
                dueOn: r.dueOn,
                overdue: r.overdue,
                daysOverdue: r.daysOverdue,
                approvedAt: view === "waiting" ? r.approvedAt : null,
                lentAt: onLoan ? r.lentAt : null,
                returnedAt: view === "returnedToday" ? r.returnedAt : null,
                status: r.status,
                receivedAt: onLoan ? r.receivedAt : null,
                pendingRenewal: r.pendingRenewal,
                incompleteCount: view === "returnedToday" ? r.incompleteCount : 0,
              }))}
            />
          </Table>
          <Pagination page={desk.page} pageSize={desk.pageSize} total={desk.total} totalCapped={desk.totalCapped} params={params} />
        </>
      )}
    </>
  );
}

export default withClientMessages(["borrowStatus", "borrowType", "borrowing", "loans"], LoanDeskPage);
