import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Search } from "lucide-react";
import { requireRoles } from "@/server/auth/session";
import { formatShanghai } from "@/server/domain/time";
import { api } from "@/server/api/server";
import { SECOND_APPROVER_ROLES } from "@/server/domain/borrowing/borrow.policy";
import { BORROW_TYPES, ZListInbox, type TListInbox } from "@/server/domain/borrowing/borrow.schema";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import { SortHeader } from "@/components/borrowing/request-sort-header";
import { ApprovalTable, type InboxRow } from "@/components/borrowing/approval-table";
import { DecidedRows, RenewalRows, type DecidedRow, type RenewalRow } from "@/components/borrowing/approval-rows";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("borrowApprovals", "title");

type Search = Partial<Record<"view" | "q" | "borrowType" | "secret" | "sort" | "dir" | "page", string>>;

function inputOf(sp: Search): TListInbox {
  const raw: Record<string, unknown> = { view: sp.view, q: sp.q || undefined, borrowType: sp.borrowType || undefined, secretOnly: sp.secret === "1" || undefined, sort: sp.sort, dir: sp.dir, page: Math.max(1, Number(sp.page) || 1) };
  const shape = ZListInbox.shape;
  for (const [k, v] of Object.entries(raw)) if (v === undefined || !shape[k as keyof typeof shape].safeParse(v).success) delete raw[k];
  return raw as TListInbox;
}

/** 借阅审批: the manager's (and the 机密 reviewer's) inbox — approve from the list or several at once. */
async function BorrowApprovalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRoles(SECOND_APPROVER_ROLES);
  const sp = await searchParams;
  const t = await getTranslations("borrowApprovals");
  const tb = await getTranslations("borrowing");
  const tt = await getTranslations("borrowType");
  const tr = await getTranslations("roles");
  const input = inputOf(sp);
  const view = input.view ?? "waiting";
  const data = await (await api()).borrowing.requests.inbox(input);
  const sort = input.sort ?? "createdAt";
  const dir = input.dir ?? "asc";
  const params = { view: view === "waiting" ? undefined : view, q: input.q, borrowType: input.borrowType, secret: input.secretOnly ? "1" : undefined, sort: sp.sort, dir: sp.dir };
  const filtered = !!(input.q || input.borrowType || input.secretOnly);
  const sortable = (field: "requestNo" | "dueOn" | "createdAt", label: string) => (
    <SortHeader key={field} base="/borrowing/approvals" params={params} field={field} sort={sort} dir={dir}>
      {label}
    </SortHeader>
  );
  const tab = (v: "waiting" | "decided", label: string) => (
    <Link
      href={v === "waiting" ? "/borrowing/approvals" : "/borrowing/approvals?view=decided"}
      aria-current={view === v ? "page" : undefined}
      className={cn("rounded-t-md px-4 py-2 text-sm", view === v ? "bg-white font-semibold text-slate-900 ring-1 ring-slate-200" : "text-slate-500 hover:text-slate-800")}
    >
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      <nav aria-label={t("title")} className="mb-3 flex items-end gap-1 border-b border-slate-200">
        {tab("waiting", t("tabWaiting", { count: data.counts.total }))}
        {tab("decided", t("tabDecided"))}
        <span className="ml-auto pb-2 text-xs text-slate-500">{t("secondRoleNote", { role: tr(data.secretApproverRole) })}</span>
      </nav>
      <form role="search" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        {view !== "waiting" && <input type="hidden" name="view" value={view} />}
        <Input name="q" defaultValue={input.q} placeholder={t("qPlaceholder")} aria-label={t("q")} className="min-w-64 flex-1" />
        <Select name="borrowType" defaultValue={input.borrowType ?? ""} aria-label={t("type")} className="w-44">
          <option value="">
            {t("type")}：{tb("any")}
          </option>
          {BORROW_TYPES.map((b) => (
            <option key={b} value={b}>
              {tt(b)}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" name="secret" value="1" defaultChecked={!!input.secretOnly} className="h-4 w-4 rounded border-slate-300" />
          {t("secretOnly")}
        </label>
        <Button type="submit">
          <Search className="h-4 w-4" aria-hidden />
          {t("search")}
        </Button>
        <Link href={view === "waiting" ? "/borrowing/approvals" : "/borrowing/approvals?view=decided"} className="text-sm text-slate-500 hover:text-slate-800">
          {t("reset")}
        </Link>
      </form>

      {data.renewals.length > 0 && (
        <section className="mb-4" aria-labelledby="renewals-title">
          <h2 id="renewals-title" className="mb-2 text-sm font-semibold text-slate-800">
            {t("renewals", { count: data.renewals.length })}
          </h2>
          <Table caption={t("renewals", { count: data.renewals.length })}>
            <thead>
              <tr>
                <Th>{t("colRequestNo")}</Th>
                <Th>{t("colRequester")}</Th>
                <Th>{t("colRecords")}</Th>
                <Th>{t("colPrevDue")}</Th>
                <Th>{t("colNewDue")}</Th>
                <Th>{t("colReason")}</Th>
                <Th>{t("colCreatedAt")}</Th>
                <Th>{t("colActions")}</Th>
              </tr>
            </thead>
            <RenewalRows
              rows={data.renewals.map((n): RenewalRow => ({
                id: n.id,
                requestId: n.requestId,
                requestNo: n.requestNo,
                renewalCount: n.renewalCount,
                requester: n.requester,
                records: n.records.map((i) => ({ archiveNo: i.archiveNo, title: i.title })),
                previousDueOn: n.previousDueOn,
                overdueDays: n.overdueDays,
                newDueOn: n.newDueOn,
                reason: n.reason,
                requestedAt: n.requestedAt,
              }))}
            />
          </Table>
        </section>
      )}

      {data.rows.length === 0 ? (
        <EmptyState>{filtered || data.page > 1 ? t("emptyFiltered") : view === "waiting" ? t("empty") : t("emptyDecided")}</EmptyState>
      ) : view === "waiting" ? (
        <ApprovalTable
          rows={data.rows.map((r): InboxRow => ({
            id: r.id,
            requestNo: r.requestNo,
            requester: r.requester,
            borrowType: r.borrowType,
            purpose: r.purpose,
            status: r.status,
            dueOn: r.dueOn,
            createdAt: formatShanghai(r.createdAt),
            ...(r.status === "pending_second" && r.approvedBy ? { approvedBy: r.approvedBy } : {}),
            ...(r.action ? { action: r.action } : {}),
            records: r.records.map((i) => ({ archiveNo: i.archiveNo, title: i.title, ...(i.confidentiality === "secret" ? { secret: true as const } : {}), ...(i.heldBy ? { heldBy: i.heldBy } : {}) })),
          }))}
          sortHeaders={{ requestNo: sortable("requestNo", t("colRequestNo")), dueOn: sortable("dueOn", t("colDueOn")), createdAt: sortable("createdAt", t("colCreatedAt")) }}
        />
      ) : (
        <Table caption={t("tabDecided")}>
          <thead>
            <tr>
              {sortable("requestNo", t("colRequestNo"))}
              <Th>{t("colRequester")}</Th>
              <Th>{t("colRecords")}</Th>
              <Th>{t("colType")}</Th>
              {sortable("dueOn", t("colDueOn"))}
              <Th>{t("colStatus")}</Th>
              <Th>{t("colDecision")}</Th>
              <Th>{t("colComment")}</Th>
              <Th>{t("colDecidedAt")}</Th>
            </tr>
          </thead>
          <DecidedRows
            rows={data.rows.map((r): DecidedRow => ({
              id: r.id,
              requestNo: r.requestNo,
              requester: r.requester,
              records: r.records.map((i) => ({ archiveNo: i.archiveNo, title: i.title })),
              borrowType: r.borrowType,
              dueOn: r.dueOn,
              status: r.status,
              needsSecondApproval: r.needsSecondApproval,
              deciders: [r.approvedBy, r.secondApprovedBy, r.rejectedBy].filter(Boolean).join(" → "),
              comment: r.comment,
              decidedAt: r.decidedAt,
            }))}
          />
        </Table>
      )}
      {data.rows.length > 0 && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} totalCapped={data.totalCapped} params={params} />}
    </>
  );
}

export default withClientMessages(["borrowApprovals", "borrowDecision", "borrowStatus", "borrowType", "borrowing"], BorrowApprovalsPage);
