import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { ZStockTakeId } from "@/server/domain/labels/labels.schema";
import { BOX_KEEPERS, STOCKTAKE_READERS } from "@/server/domain/labels/labels.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { FinishStockTake, StockTakeScanner, TickButton, WithdrawScanButton } from "@/components/labels/stock-take-scanner";
import { OutcomeTag, StockTakeStatusTag } from "@/components/labels/stock-take-tags";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).labels.stockTakes.get({ stockTakeId: id }));

export async function generateMetadata({ params }: { params: Promise<{ stockTakeId: string }> }) {
  const { stockTakeId } = await params;
  return recordTitle("stockTake", async () => { const x = await load(stockTakeId); return x.takeNo; });
}

// One stock-take: while open, the scanning box and the live comparison; once finished, the kept
// result (who, when, counts, every line) and nothing to press.
async function StockTakePage({ params }: { params: Promise<{ stockTakeId: string }> }) {
  const user = await requireRoles(STOCKTAKE_READERS);
  const { stockTakeId } = await params;
  if (!ZStockTakeId.safeParse({ stockTakeId }).success) notFound();
  const t = await getTranslations("stockTakes");
  const caller = await api();
  const s = await orNotFound(load(stockTakeId));
  const open = s.status === "open";
  const canScan = open && hasAnyRole(user.roles, BOX_KEEPERS);
  const counts = { present: 0, missing: 0, misplaced: 0, unknown: 0, on_loan: 0 };
  for (const l of s.lines) counts[l.outcome]++;

  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("detailTitle", { takeNo: s.takeNo })}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <StockTakeStatusTag status={s.status} />
            {s.boxId ? (
              <Link href={`/archive/boxes/${s.boxId}`} className="font-mono text-brand-600 hover:underline">
                {t("detailSubtitle", { location: s.location })}
              </Link>
            ) : (
              <span className="font-mono">{t("detailSubtitle", { location: s.location })}</span>
            )}
            <span>{t("meta", { startedBy: s.startedBy ?? "—", startedAt: formatShanghai(s.startedAt) })}</span>
            {s.finishedAt && <span>{t("metaFinished", { finishedBy: s.finishedBy ?? "—", finishedAt: formatShanghai(s.finishedAt) })}</span>}
          </span>
        }
        actions={canScan ? <FinishStockTake stockTakeId={s.id} /> : undefined}
      />
      {canScan && (
        <Card className="mb-4">
          <StockTakeScanner stockTakeId={s.id} />
        </Card>
      )}
      <h2 className="mb-2 text-sm font-semibold text-slate-800">
        {open ? t("preview") : t("result")} · <span data-testid="stock-counts">{t("counts", counts)}</span>
      </h2>
      {s.lines.length === 0 ? (
        <EmptyState>{t("noLines")}</EmptyState>
      ) : (
        <Table caption={open ? t("preview") : t("result")}>
          <thead>
            <tr>
              <Th>{t("colArchiveNo")}</Th>
              <Th>{t("colTitle")}</Th>
              <Th>{t("colOutcome")}</Th>
              <Th>{t("colBelongs")}</Th>
              {canScan && <Th>{t("tick")}</Th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {s.lines.map((l) => (
              <tr key={l.archiveNo} className="hover:bg-slate-50">
                <Td className="font-mono text-xs">
                  {l.recordId ? (
                    <Link href={`/archive/${l.recordId}`} className="text-brand-600 hover:underline">
                      {l.archiveNo}
                    </Link>
                  ) : (
                    l.archiveNo
                  )}
                </Td>
                <Td className="max-w-80 truncate">{l.title ?? "—"}</Td>
                <Td>
                  <OutcomeTag outcome={l.outcome} />
                </Td>
                <Td className="font-mono text-xs">{l.outcome === "misplaced" ? (l.expectedLocation ?? "—") : "—"}</Td>
                {canScan && (
                  <Td>
                    {l.outcome === "missing" || l.outcome === "on_loan" ? (
                      <TickButton stockTakeId={s.id} archiveNo={l.archiveNo} />
                    ) : (
                      <span className="flex items-center gap-2">
                        <span className="text-xs text-slate-400">{t("ticked")}</span>
                        <WithdrawScanButton stockTakeId={s.id} archiveNo={l.archiveNo} />
                      </span>
                    )}
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2 className="mt-6 mb-2 text-sm font-semibold text-slate-800">{t("scansTitle")}</h2>
      {s.scans.length === 0 ? (
        <EmptyState>{t("scansEmpty")}</EmptyState>
      ) : (
        <Table caption={t("scansTitle")}>
          <thead>
            <tr>
              <Th>{t("colArchiveNo")}</Th>
              <Th>{t("colScannedBy")}</Th>
              <Th>{t("colScannedAt")}</Th>
              <Th>{t("colScanState")}</Th>
              {canScan && <Th>{t("colActions")}</Th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {s.scans.map((x) => (
              // A withdrawn scan stays listed, struck through: it no longer counts.
              <tr key={x.archiveNo} className="hover:bg-slate-50">
                <Td className={cn("font-mono text-xs", x.withdrawnAt && "text-slate-400 line-through")}>{x.archiveNo}</Td>
                <Td className={cn(x.withdrawnAt && "text-slate-400")}>{x.scannedBy ?? "—"}</Td>
                <Td className={cn("text-xs", x.withdrawnAt && "text-slate-400")}>{formatShanghai(x.scannedAt)}</Td>
                <Td className={cn("text-xs", x.withdrawnAt && "text-slate-400")}>{x.withdrawnAt ? t("scanWithdrawn", { withdrawnBy: x.withdrawnBy ?? "—", withdrawnAt: formatShanghai(x.withdrawnAt) }) : t("scanActive")}</Td>
                {canScan && <Td>{x.withdrawnAt ? null : <WithdrawScanButton stockTakeId={s.id} archiveNo={x.archiveNo} />}</Td>}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

export default withClientMessages(["stockTakes"], StockTakePage);
