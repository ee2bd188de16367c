import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Search } from "lucide-react";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { COMPLAINT_READERS, REPAIR_APPROVERS, REPAIR_CLERKS } from "@/server/domain/complaints/complaints.policy";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { REPAIR_TONE } from "@/components/complaints/tags";
import { RepairRows, type RepairRow } from "@/components/complaints/repair-rows";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("repairs", "title");

const STATUSES = ["registered", "pending_approval", "approved", "rejected", "done", "called_back"] as const;
type Search = Partial<Record<"q" | "status" | "mine" | "page", string>>;

export default async function RepairsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRoles([...COMPLAINT_READERS, ...REPAIR_APPROVERS]);
  const sp = await searchParams;
  const t = await getTranslations("repairs");
  const tc = await getTranslations("common");
  const status = (STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as (typeof STATUSES)[number]) : undefined;
  const list = await (await api()).complaints.repairs.list({ q: sp.q || undefined, status, awaitingMe: sp.mine === "1" || undefined, page: Math.max(1, Number(sp.page) || 1) });
  const rows: RepairRow[] = list.rows.map((r) => ({
    id: r.id,
    orderNo: r.orderNo,
    location: r.location,
    warranty: r.isWarranty ? t("warranty") : t("noWarranty"),
    dept: t(`depts.${r.responsibleDept as "GCB" | "WYB"}`),
    paid: r.isPaid ? t("paid") : t("free"),
    cost: r.cost == null ? null : String(r.cost),
    status: { label: t(`statuses.${r.status}`), tone: REPAIR_TONE[r.status]! },
    awaiting: r.awaiting ? t(`levels.${r.awaiting}`) : "—",
    createdAt: formatShanghai(r.createdAt),
  }));

  return (
    <>
      <PageHeader
        crumbs={t("title")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={hasAnyRole(user.roles, REPAIR_CLERKS) ? <LinkButton href="/complaints/repairs/new">{t("new")}</LinkButton> : undefined}
      />
      <p className="mb-3 text-xs text-slate-500">{t("approvalRule", { limit: list.engineeringLimit })}</p>
      <form role="search" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <Input name="q" defaultValue={sp.q} placeholder={t("q")} aria-label={t("q")} className="min-w-64 flex-1" />
        <Select name="status" defaultValue={status ?? ""} aria-label={t("colStatus")} className="w-36">
          <option value="">{`${t("colStatus")}：${tc("all")}`}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
        {hasAnyRole(user.roles, REPAIR_APPROVERS) && (
          <label className="flex items-center gap-1.5 text-sm text-slate-700">
            <input type="checkbox" name="mine" value="1" defaultChecked={sp.mine === "1"} />
            {t("awaitingMe")}
            {list.awaitingMine > 0 && <span className="rounded-full bg-amber-100 px-1.5 text-[11px] text-amber-800">{list.awaitingMine}</span>}
          </label>
        )}
        <Button type="submit">
          <Search className="h-4 w-4" aria-hidden />
          {tc("search")}
        </Button>
        <Link href="/complaints/repairs" className="text-sm text-slate-500 hover:text-slate-800">
          {tc("reset")}
        </Link>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("colNo")}</Th>
                <Th>{t("colLocation")}</Th>
                <Th>{t("colWarranty")}</Th>
                <Th>{t("colDept")}</Th>
                <Th>{t("colPaid")}</Th>
                <Th className="text-right">{t("colCost")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th>{t("colAwaiting")}</Th>
                <Th>{t("colCreatedAt")}</Th>
              </tr>
            </thead>
            <RepairRows rows={rows} />
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} params={{ q: sp.q, status, mine: sp.mine }} />
        </>
      )}
    </>
  );
}
