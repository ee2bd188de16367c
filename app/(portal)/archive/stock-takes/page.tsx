import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { BOX_KEEPERS, STOCKTAKE_READERS } from "@/server/domain/labels/labels.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { StockTakeStartForm } from "@/components/labels/stock-take-start-form";
import { StockTakeStatusTag } from "@/components/labels/stock-take-tags";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("stockTakes", "title");

type Search = { page?: string; status?: string };

// 盘点: the past and open stock-takes; the archivist starts a new one here or from a box page.
async function StockTakesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRoles(STOCKTAKE_READERS);
  const sp = await searchParams;
  const t = await getTranslations("stockTakes");
  const caller = await api();
  const status = sp.status === "open" || sp.status === "finished" ? sp.status : undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const takes = await caller.labels.stockTakes.list({ status, page });
  const isKeeper = hasAnyRole(user.roles, BOX_KEEPERS);

  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      {isKeeper && (
        <Card title={t("start")} className="mb-4">
          <StockTakeStartForm />
        </Card>
      )}
      <form method="get" className="mb-3 flex items-center gap-2">
        <Select name="status" defaultValue={status ?? ""} aria-label={t("colStatus")} className="w-40">
          <option value="">{t("allStatuses")}</option>
          <option value="open">{t("statuses.open")}</option>
          <option value="finished">{t("statuses.finished")}</option>
        </Select>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter")}
        </button>
      </form>
      {takes.rows.length === 0 ? (
        <EmptyState>{isKeeper ? t("empty") : t("none")}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("colTakeNo")}</Th>
                <Th>{t("colLocation")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th>{t("colStartedBy")}</Th>
                <Th>{t("colStartedAt")}</Th>
                <Th>{t("colFinishedAt")}</Th>
                <Th className="text-right">{t("colScans")}</Th>
                <Th>{t("colCounts")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {takes.rows.map((s) => (
                <tr key={s.id} className="hover:bg-slate-50">
                  <Td className="font-mono text-xs">
                    <Link href={`/archive/stock-takes/${s.id}`} className="text-brand-600 hover:underline">
                      {s.takeNo}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{s.boxId ? <Link href={`/archive/boxes/${s.boxId}`} className="text-brand-600 hover:underline">{s.location}</Link> : s.location}</Td>
                  <Td>
                    <StockTakeStatusTag status={s.status} />
                  </Td>
                  <Td>{s.startedBy ?? "—"}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatShanghai(s.startedAt)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatShanghai(s.finishedAt) || "—"}</Td>
                  <Td className="text-right tabular-nums">{s.scanCount}</Td>
                  <Td className="tabular-nums">{s.status === "finished" ? `${s.presentCount} / ${s.missingCount} / ${s.misplacedCount} / ${s.unknownCount} / ${s.onLoanCount}` : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={takes.page} pageSize={takes.pageSize} total={takes.total} params={{ status }} />
        </>
      )}
    </>
  );
}

export default withClientMessages(["labels", "stockTakes"], StockTakesPage);
