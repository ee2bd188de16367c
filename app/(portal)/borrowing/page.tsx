import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CheckCircle2, Plus, Search } from "lucide-react";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { BORROWERS, REGISTER_READERS } from "@/server/domain/borrowing/borrow.policy";
import { BORROW_STATUSES, MY_SORTS, ZListMyRequests, type TListMyRequests } from "@/server/domain/borrowing/borrow.schema";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/borrowing/request-sort-header";
import { MySlipRows, type MySlipRow } from "@/components/borrowing/my-slip-rows";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("borrowMine", "title");

type Search = Partial<Record<"q" | "status" | "overdue" | "sort" | "dir" | "page" | "created", string>>;

/** URL → procedure input; a hand-edited bad value drops that filter instead of failing the page. */
function inputOf(sp: Search): TListMyRequests {
  const raw: Record<string, unknown> = { q: sp.q || undefined, status: sp.status || undefined, overdue: sp.overdue === "1" || undefined, sort: sp.sort, dir: sp.dir, page: Math.max(1, Number(sp.page) || 1) };
  const shape = ZListMyRequests.shape;
  for (const [k, v] of Object.entries(raw)) if (v === undefined || !shape[k as keyof typeof shape].safeParse(v).success) delete raw[k];
  return raw as TListMyRequests;
}

/** 我的借阅: the borrower's own slips (借出单) with status, due day and overdue flag. */
async function MyBorrowingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireModule("borrowing");
  // The auditor's part of 借阅 is the register; the module's entry page sends them there.
  if (!hasAnyRole(user.roles, BORROWERS)) redirect(hasAnyRole(user.roles, REGISTER_READERS) ? "/borrowing/register" : "/forbidden");
  const sp = await searchParams;
  const t = await getTranslations("borrowMine");
  const ts = await getTranslations("borrowStatus");
  const tb = await getTranslations("borrowing");
  const input = inputOf(sp);
  const data = await (await api()).borrowing.requests.mine(input);
  const sort = input.sort ?? "createdAt";
  const dir = input.dir ?? "desc";
  const params = { q: input.q, status: input.status, overdue: input.overdue ? "1" : undefined, sort: sp.sort, dir: sp.dir };
  const filtered = !!(input.q || input.status || input.overdue);
  const sortable = (field: (typeof MY_SORTS)[number], label: string) => (
    <SortHeader base="/borrowing" params={params} field={field} sort={sort} dir={dir}>
      {label}
    </SortHeader>
  );

  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <LinkButton href="/borrowing/new">
            <Plus className="h-4 w-4" aria-hidden />
            {t("newRequest")}
          </LinkButton>
        }
      />
      {sp.created && (
        <p role="status" className="mb-3 flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          <CheckCircle2 className="h-4 w-4" aria-hidden />
          {t("created", { requestNo: sp.created })}
        </p>
      )}
      <div className="mb-3 flex flex-wrap gap-2 text-sm">
        <Link href="/borrowing?status=requested" className="rounded-md bg-white px-3 py-1.5 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50">
          {t("summaryWaiting", { count: data.summary.waiting })}
        </Link>
        <span className="rounded-md bg-white px-3 py-1.5 shadow-sm ring-1 ring-slate-200">{t("summaryOnLoan", { count: data.summary.onLoan })}</span>
        <Link
          href="/borrowing?overdue=1"
          className={data.summary.overdue ? "rounded-md bg-red-50 px-3 py-1.5 text-red-700 shadow-sm ring-1 ring-red-200 hover:bg-red-100" : "rounded-md bg-white px-3 py-1.5 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50"}
        >
          {t("summaryOverdue", { count: data.summary.overdue })}
        </Link>
      </div>
      <form role="search" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <Input name="q" defaultValue={input.q} placeholder={t("qPlaceholder")} aria-label={t("q")} className="min-w-64 flex-1" />
        <Select name="status" defaultValue={input.status ?? ""} aria-label={t("status")} className="w-36">
          <option value="">
            {t("status")}：{tb("any")}
          </option>
          {BORROW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!input.overdue} className="h-4 w-4 rounded border-slate-300" />
          {t("overdueOnly")}
        </label>
        {sp.sort && <input type="hidden" name="sort" value={sp.sort} />}
        {sp.dir && <input type="hidden" name="dir" value={sp.dir} />}
        <Button type="submit">
          <Search className="h-4 w-4" aria-hidden />
          {t("search")}
        </Button>
        <Link href="/borrowing" className="text-sm text-slate-500 hover:text-slate-800">
          {t("reset")}
        </Link>
      </form>

      {data.rows.length === 0 ? (
        <EmptyState>{filtered || data.page > 1 ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")}>
            <thead>
              <tr>
                {sortable("requestNo", t("colRequestNo"))}
                <Th>{t("colRecords")}</Th>
                <Th>{t("colType")}</Th>
                <Th>{t("colPurpose")}</Th>
                {sortable("dueOn", t("colDueOn"))}
                <Th>{t("colStatus")}</Th>
                {sortable("createdAt", t("colCreatedAt"))}
                <Th>{t("colActions")}</Th>
              </tr>
            </thead>
            <MySlipRows
              rows={data.rows.map((r): MySlipRow => ({
                id: r.id,
                requestNo: r.requestNo,
                records: r.records.map((i) => ({ archiveNo: i.archiveNo, title: i.title })),
                borrowType: r.borrowType,
                purpose: r.purpose,
                dueOn: r.dueOn,
                overdueDays: r.overdueDays,
                status: r.status,
                needsSecondApproval: r.needsSecondApproval,
                pendingRenewalDueOn: r.pendingRenewalDueOn ?? null,
                renewalCount: r.renewalCount,
                rejectedBy: r.status === "rejected" ? (r.rejectedBy ?? null) : null,
                approvedBy: r.approvedBy ?? null,
                comment: r.status === "rejected" ? (r.comment ?? null) : null,
                createdAt: r.createdAt,
                canWithdraw: r.canWithdraw,
              }))}
            />
          </Table>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} totalCapped={data.totalCapped} params={params} />
        </>
      )}
    </>
  );
}

export default withClientMessages(["borrowDecision", "borrowMine", "borrowStatus", "borrowType", "borrowing"], MyBorrowingPage);
