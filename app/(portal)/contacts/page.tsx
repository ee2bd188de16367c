import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Download, Search } from "lucide-react";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { CONTACT_CHANNELS, CONTACT_PURPOSES, CONTACT_SORTS, FOLLOW_UP_FILTERS, MAX_CONTACT_EXPORT_ROWS, contactFiltersFromParams, contactParamsOf } from "@/server/domain/contacts/contacts.schema";
import { CONTACT_RECORDERS } from "@/server/domain/contacts/contacts.policy";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton, buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { ContactRows, type ContactRow } from "@/components/contacts/contact-rows";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("contacts", "title");

type SearchParams = Partial<Record<"q" | "from" | "to" | "channel" | "purpose" | "followUp" | "includeVoided" | "sort" | "dir" | "page" | "created", string>>;

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireModule("contacts");
  const sp = await searchParams;
  const t = await getTranslations("contacts");
  const tc = await getTranslations("common");
  // The export route reads the same query string the same way, so the file holds what the list shows.
  const input = contactFiltersFromParams(sp);
  const { from, to } = input;
  const list = await (await api()).contacts.list(input);
  const params = contactParamsOf(input);
  const rows: ContactRow[] = list.rows.map((r) => ({
    id: r.id,
    contactNo: r.contactNo,
    occurredAt: r.occurredAtText,
    channel: t(`channels.${r.channel}`),
    purpose: t(`purposes.${r.purpose}`),
    callerName: r.callerName,
    callerLine: [r.unit, r.callerPhone].filter(Boolean).join(" · "),
    content: r.content,
    answer: r.answer || null,
    followUp: r.followUp === "none" ? null : { label: t(`followUps.${r.followUp}`), tone: r.followUp === "open" ? "amber" : "green" },
    voided: r.voidedAt ? { label: t("voided"), reason: r.voidReason, reasonText: r.voidReason ? t("voidReason", { reason: r.voidReason }) : "" } : null,
    complaint: r.complaintNo && r.complaintId ? { id: r.complaintId, no: r.complaintNo } : null,
    repair: r.orderNo && r.repairId ? { id: r.repairId, no: r.orderNo } : null,
    recordedBy: r.recordedByName,
  }));
  const exportHref = (format: "csv" | "xlsx") => {
    const q = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    return `/api/contacts/export?${q.toString()}`;
  };
  const sortLink = (key: (typeof CONTACT_SORTS)[number], label: string) => {
    const dir = input.sort === key && input.dir === "desc" ? "asc" : "desc";
    const qs = new URLSearchParams(Object.entries({ ...params, sort: key, dir }).filter((e): e is [string, string] => !!e[1]));
    return (
      <Link href={`/contacts?${qs}`} className="hover:text-slate-900" aria-sort={input.sort === key ? (input.dir === "asc" ? "ascending" : "descending") : undefined}>
        {label}
        {input.sort === key ? (input.dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    );
  };

  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <a href={exportHref("csv")} className={buttonClass("secondary")} download>
              <Download className="h-4 w-4" aria-hidden />
              {t("exportCsv")}
            </a>
            <a href={exportHref("xlsx")} className={buttonClass("secondary")} download>
              <Download className="h-4 w-4" aria-hidden />
              {t("exportXlsx")}
            </a>
            <LinkButton href="/contacts/reports" variant="secondary">
              {t("reportsLink")}
            </LinkButton>
            {hasAnyRole(user.roles, CONTACT_RECORDERS) && <LinkButton href="/contacts/new">{t("newContact")}</LinkButton>}
          </>
        }
      />
      <form role="search" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <Input name="q" defaultValue={input.q} placeholder={t("q")} aria-label={t("q")} className="min-w-56 flex-1" />
        <Input name="from" type="date" defaultValue={from} aria-label={t("from")} title={t("from")} className="w-40" />
        <Input name="to" type="date" defaultValue={to} aria-label={t("to")} title={t("to")} className="w-40" />
        <Select name="channel" defaultValue={input.channel ?? ""} aria-label={t("colChannel")} className="w-32">
          <option value="">{`${t("colChannel")}：${tc("all")}`}</option>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </Select>
        <Select name="purpose" defaultValue={input.purpose ?? ""} aria-label={t("colPurpose")} className="w-32">
          <option value="">{`${t("colPurpose")}：${tc("all")}`}</option>
          {CONTACT_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`purposes.${p}`)}
            </option>
          ))}
        </Select>
        <Select name="followUp" defaultValue={input.followUp ?? ""} aria-label={t("colFollowUp")} className="w-36">
          <option value="">{`${t("colFollowUp")}：${tc("all")}`}</option>
          {FOLLOW_UP_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`followUps.${f}`)}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          <input type="checkbox" name="includeVoided" value="1" defaultChecked={input.includeVoided} className="h-4 w-4 rounded border-slate-300" />
          {t("includeVoided")}
        </label>
        <input type="hidden" name="sort" value={input.sort} />
        <input type="hidden" name="dir" value={input.dir} />
        <Button type="submit">
          <Search className="h-4 w-4" aria-hidden />
          {tc("search")}
        </Button>
        <Link href="/contacts" className="text-sm text-slate-500 hover:text-slate-800">
          {tc("reset")}
        </Link>
      </form>
      <p className="mb-2 text-xs text-slate-500">{t("exportHint", { max: MAX_CONTACT_EXPORT_ROWS })}</p>
      {list.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{sortLink("contactNo", t("colNo"))}</Th>
                <Th>{sortLink("occurredAt", t("colTime"))}</Th>
                <Th>{sortLink("channel", t("colChannel"))}</Th>
                <Th>{sortLink("purpose", t("colPurpose"))}</Th>
                <Th>{t("colCaller")}</Th>
                <Th>{t("colContent")}</Th>
                <Th>{t("colFollowUp")}</Th>
                <Th>{t("colLink")}</Th>
                <Th>{t("colRecorder")}</Th>
              </tr>
            </thead>
            <ContactRows rows={rows} created={sp.created} />
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} params={params} />
        </>
      )}
    </>
  );
}
