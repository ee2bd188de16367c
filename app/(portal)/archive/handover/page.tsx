import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Download, Plus } from "lucide-react";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { ARCHIVE_KEEPERS } from "@/server/domain/archive/archive.policy";
import { formatShanghai } from "@/server/domain/time";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton, buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { HandoverStatusTag } from "@/components/archive/handover-tags";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("handover", "title");

type Search = { status?: string; page?: string };

export default async function HandoverListPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireModule("archive");
  const sp = await searchParams;
  const t = await getTranslations("handover");
  const status = sp.status === "checking" || sp.status === "signed" ? sp.status : undefined;
  const data = await (await api()).archive.handover.list({ status, page: Math.max(1, Number(sp.page) || 1), pageSize: 20 });
  const isKeeper = hasAnyRole(user.roles, ARCHIVE_KEEPERS);
  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          isKeeper ? (
            <>
              <a href="/api/archive/handover/template" className={buttonClass("secondary")}>
                <Download className="h-4 w-4" aria-hidden />
                {t("template")}
              </a>
              <LinkButton href="/archive/handover/new">
                <Plus className="h-4 w-4" aria-hidden />
                {t("newBatch")}
              </LinkButton>
            </>
          ) : null
        }
      />
      <form className="mb-3 flex flex-wrap items-center gap-2" role="search">
        <Select name="status" defaultValue={status ?? ""} aria-label={t("status")} className="w-40">
          <option value="">
            {t("status")}：{t("all")}
          </option>
          <option value="checking">{t("statuses.checking")}</option>
          <option value="signed">{t("statuses.signed")}</option>
        </Select>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
        <Link href="/archive/handover" className="text-sm text-slate-500 hover:text-slate-800">
          {t("reset")}
        </Link>
      </form>
      {data.rows.length === 0 ? (
        <EmptyState>{status ? t("emptyFiltered") : t("emptyAll")}</EmptyState>
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("colBatchNo")}</Th>
              <Th>{t("colStatus")}</Th>
              <Th>{t("colProject")}</Th>
              <Th>{t("colClass")}</Th>
              <Th>{t("colFromDept")}</Th>
              <Th className="text-right">{t("colLines")}</Th>
              <Th className="text-right">{t("colReceived")}</Th>
              <Th className="text-right">{t("colMissing")}</Th>
              <Th className="text-right">{t("colWrong")}</Th>
              <Th>{t("colCreatedAt")}</Th>
              <Th>{t("colSignedAt")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.rows.map((b) => (
              <tr key={b.id} className="hover:bg-slate-50">
                <Td className="font-mono text-xs">
                  <Link href={`/archive/handover/${b.id}`} className="text-brand-600 hover:underline">
                    {b.batchNo}
                  </Link>
                </Td>
                <Td>
                  <HandoverStatusTag status={b.status} />
                </Td>
                <Td>{b.project?.name ?? "—"}</Td>
                <Td>{b.className}</Td>
                <Td>{b.fromDept}</Td>
                <Td className="text-right tabular-nums">{b.summary.lines}</Td>
                <Td className="text-right tabular-nums">{b.summary.received}</Td>
                <Td className={b.summary.missing ? "text-right font-medium text-red-700 tabular-nums" : "text-right tabular-nums"}>{b.summary.missing}</Td>
                <Td className={b.summary.wrong ? "text-right font-medium text-amber-700 tabular-nums" : "text-right tabular-nums"}>{b.summary.wrong}</Td>
                <Td className="whitespace-nowrap">{formatShanghai(b.createdAt)}</Td>
                <Td className="whitespace-nowrap">{b.signedAt ? formatShanghai(b.signedAt) : "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} params={{ status }} />
    </>
  );
}
