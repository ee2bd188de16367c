import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { ZBoxId } from "@/server/domain/labels/labels.schema";
import { BOX_KEEPERS, BOX_READERS, STOCKTAKE_READERS } from "@/server/domain/labels/labels.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { BoxLabelButtons } from "@/components/labels/box-label-buttons";
import { StartBoxStockTake } from "@/components/labels/stock-take-start-form";
import { BoxRecordStatusTag, StockTakeStatusTag } from "@/components/labels/stock-take-tags";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).labels.boxes.get({ boxId: id }));

export async function generateMetadata({ params }: { params: Promise<{ boxId: string }> }) {
  const { boxId } = await params;
  return recordTitle("box", async () => { const x = await load(boxId); return x.code; });
}

// The page a box label's QR code opens: the files in the box (机密 only for those who may see them).
async function BoxPage({ params }: { params: Promise<{ boxId: string }> }) {
  const user = await requireRoles(BOX_READERS);
  const { boxId } = await params;
  if (!ZBoxId.safeParse({ boxId }).success) notFound();
  const t = await getTranslations("labels");
  const ts = await getTranslations("stockTakes");
  const caller = await api();
  const box = await orNotFound(load(boxId));
  const isKeeper = hasAnyRole(user.roles, BOX_KEEPERS);
  const takes = hasAnyRole(user.roles, STOCKTAKE_READERS) ? await caller.labels.stockTakes.list({ boxId, pageSize: 10 }) : null;

  return (
    <>
      <PageHeader
        crumbs={t("boxCrumbs", { code: box.code })}
        title={t("boxTitle", { code: box.code })}
        subtitle={`${t("boxSubtitle", { count: box.records.length })}${box.note ? ` · ${box.note}` : ""}`}
        actions={
          isKeeper ? (
            <div className="flex flex-wrap gap-2">
              <BoxLabelButtons boxId={box.id} recordIds={box.records.map((r) => r.id)} />
              <StartBoxStockTake loc={{ cabinet: box.cabinet, shelf: box.shelf, box: box.box }} />
            </div>
          ) : undefined
        }
      />
      {box.records.length === 0 ? (
        <EmptyState>{t("boxEmpty")}</EmptyState>
      ) : (
        <Table caption={t("boxTitle", { code: box.code })}>
          <thead>
            <tr>
              <Th>{t("colArchiveNo")}</Th>
              <Th>{t("colTitle")}</Th>
              <Th>{t("colClass")}</Th>
              <Th>{t("colClient")}</Th>
              <Th>{t("colUnit")}</Th>
              <Th>{t("colStatus")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {box.records.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <Td className="font-mono text-xs">
                  <Link href={`/archive/${r.id}`} className="text-brand-600 hover:underline">
                    {r.archiveNo}
                  </Link>
                </Td>
                <Td className="max-w-80 truncate" title={r.title}>
                  {r.title}
                </Td>
                <Td>{r.archiveClass.name}</Td>
                <Td>{r.client?.name ?? "—"}</Td>
                <Td>
                  {r.unitId ? (
                    <Link href={`/units/${r.unitId}`} className="text-brand-600 hover:underline">
                      {[r.building?.name, r.unit?.number].filter(Boolean).join(" ")}
                    </Link>
                  ) : (
                    (r.building?.name ?? "—")
                  )}
                </Td>
                <Td>
                  <BoxRecordStatusTag status={r.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {takes && (
        <Card title={t("stockTakesOfBox")} className="mt-6">
          {takes.rows.length === 0 ? (
            <p className="text-sm text-slate-500">{ts("none")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {takes.rows.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/archive/stock-takes/${s.id}`} className="font-mono text-brand-600 hover:underline">
                    {s.takeNo}
                  </Link>
                  <StockTakeStatusTag status={s.status} />
                  <span className="text-slate-600">
                    {s.startedBy} · {formatShanghai(s.startedAt)}
                  </span>
                  {s.status === "finished" && <span className="text-slate-600">{ts("counts", { present: s.presentCount, missing: s.missingCount, misplaced: s.misplacedCount, unknown: s.unknownCount, on_loan: s.onLoanCount })}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <p className="mt-4 text-sm">
        <Link href="/archive/boxes" className="text-brand-600 hover:underline">
          {t("backToBoxes")}
        </Link>
      </p>
    </>
  );
}

export default withClientMessages(["labels", "stockTakes"], BoxPage);
