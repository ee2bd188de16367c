import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Search } from "lucide-react";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";
import { CHANNELS, SEVERITIES, SORTS, STATUSES, VIEWS } from "@/server/domain/complaints/complaints.schema";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import { STATUS_TONE, clockViews } from "@/components/complaints/tags";
import { ComplaintRows, type ComplaintRow } from "@/components/complaints/complaint-rows";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("complaints", "title");

type Search = Partial<Record<"view" | "q" | "status" | "channel" | "severity" | "categoryId" | "sort" | "dir" | "page", string>>;

const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireModule("complaints");
  const sp = await searchParams;
  const t = await getTranslations("complaints");
  const tc = await getTranslations("common");
  const caller = await api();
  const view = pick(VIEWS, sp.view) ?? "all";
  const input = {
    view,
    q: sp.q || undefined,
    status: pick(STATUSES, sp.status),
    channel: pick(CHANNELS, sp.channel),
    severity: pick(SEVERITIES, sp.severity),
    categoryId: /^[0-9a-f-]{36}$/.test(sp.categoryId ?? "") ? sp.categoryId : undefined,
    sort: pick(SORTS, sp.sort) ?? "receivedAt",
    dir: pick(["asc", "desc"] as const, sp.dir) ?? "desc",
    page: Math.max(1, Number(sp.page) || 1),
  };
  const [list, counts, options] = await Promise.all([caller.complaints.list(input), caller.complaints.counts(), caller.complaints.formOptions()]);
  const now = new Date();
  const params = { view, q: sp.q, status: input.status, channel: input.channel, severity: input.severity, categoryId: input.categoryId, sort: input.sort, dir: input.dir };
  const tabCount: Partial<Record<(typeof VIEWS)[number], number>> = counts;
  const rows: ComplaintRow[] = await Promise.all(
    list.rows.map(async (r) => ({
      id: r.id,
      complaintNo: r.complaintNo,
      complainantName: r.complainantName,
      unit: r.unit,
      category: r.category,
      channel: t(`channels.${r.channel}`),
      severity: r.severity === "major" ? { label: t("severities.major"), tone: "red" } : { label: t("severities.normal"), tone: "grey" },
      status: { label: t(`statuses.${r.status}`), tone: STATUS_TONE[r.status]! },
      handler: `${r.responsible ?? r.department ?? "—"}${r.responsible && r.department ? ` · ${r.department}` : ""}`,
      receivedAt: formatShanghai(r.receivedAt),
      clocks: await clockViews(r.clocks, now),
    })),
  );
  const emptyText = view === "mine" ? t("emptyMine") : view === "overdue" ? t("emptyOverdue") : t("empty");

  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={<LinkButton href="/complaints/new">{t("newComplaint")}</LinkButton>}
      />
      <nav aria-label={t("title")} className="mb-3 flex flex-wrap gap-1 border-b border-slate-200">
        {VIEWS.map((v) => (
          <Link
            key={v}
            href={v === "all" ? "/complaints" : `/complaints?view=${v}`}
            aria-current={v === view ? "page" : undefined}
            className={cn("-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm", v === view ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
          >
            {t(`views.${v}`)}
            {tabCount[v] ? <span className={cn("rounded-full px-1.5 text-[11px] leading-5", v === "overdue" ? "bg-red-100 text-red-700" : "bg-slate-100 text-slate-600")}>{tabCount[v]}</span> : null}
          </Link>
        ))}
      </nav>
      <form role="search" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <input type="hidden" name="view" value={view} />
        <Input name="q" defaultValue={sp.q} placeholder={t("q")} aria-label={t("q")} className="min-w-56 flex-1" />
        <Select name="status" defaultValue={input.status ?? ""} aria-label={t("colStatus")} className="w-36">
          <option value="">{`${t("colStatus")}：${tc("all")}`}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
        <Select name="categoryId" defaultValue={input.categoryId ?? ""} aria-label={t("colCategory")} className="w-36">
          <option value="">{`${t("colCategory")}：${tc("all")}`}</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select name="channel" defaultValue={input.channel ?? ""} aria-label={t("colChannel")} className="w-32">
          <option value="">{`${t("colChannel")}：${tc("all")}`}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </Select>
        <Select name="severity" defaultValue={input.severity ?? ""} aria-label={t("colSeverity")} className="w-32">
          <option value="">{`${t("colSeverity")}：${tc("all")}`}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severities.${s}`)}
            </option>
          ))}
        </Select>
        <Select name="sort" defaultValue={input.sort} aria-label={t("sort")} className="w-36">
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </Select>
        <Select name="dir" defaultValue={input.dir} aria-label={t("sort")} className="w-24">
          <option value="desc">{t("dirs.desc")}</option>
          <option value="asc">{t("dirs.asc")}</option>
        </Select>
        <Button type="submit">
          <Search className="h-4 w-4" aria-hidden />
          {tc("search")}
        </Button>
        <Link href={view === "all" ? "/complaints" : `/complaints?view=${view}`} className="text-sm text-slate-500 hover:text-slate-800">
          {tc("reset")}
        </Link>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState>{emptyText}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("colNo")}</Th>
                <Th>{t("colComplainant")}</Th>
                <Th>{t("colCategory")}</Th>
                <Th>{t("colChannel")}</Th>
                <Th>{t("colSeverity")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th>{t("colResponsible")}</Th>
                <Th>{t("colReceivedAt")}</Th>
                <Th>{t("colClocks")}</Th>
              </tr>
            </thead>
            <ComplaintRows rows={rows} />
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} params={params} />
        </>
      )}
    </>
  );
}
