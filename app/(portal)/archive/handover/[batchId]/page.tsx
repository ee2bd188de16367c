import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { ARCHIVE_KEEPERS } from "@/server/domain/archive/archive.policy";
import { formatShanghai } from "@/server/domain/time";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { HandoverStatusTag } from "@/components/archive/handover-tags";
import { HandoverCheckGroups } from "@/components/archive/handover-check-groups";
import { HandoverSignActions } from "@/components/archive/handover-sign-actions";
import { PrintButton } from "@/components/print/print-button";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).archive.handover.get({ batchId: id }));

export async function generateMetadata({ params }: { params: Promise<{ batchId: string }> }) {
  const { batchId } = await params;
  return recordTitle("handover", async () => { const x = await load(batchId); return x.batchNo; });
}

async function HandoverBatchPage({ params }: { params: Promise<{ batchId: string }> }) {
  const user = await requireModule("archive");
  const { batchId } = await params;
  const t = await getTranslations("handover");
  const b = await orNotFound(load(batchId));
  const canCheck = b.status === "checking" && hasAnyRole(user.roles, ARCHIVE_KEEPERS);
  const checked = b.summary.lines - b.summary.pending;
  const percent = b.summary.lines ? Math.round((checked / b.summary.lines) * 100) : 0;
  const groups = new Set(b.items.filter((i) => i.check === "received" || i.check === "wrong").map((i) => `${i.unitId}|${i.clientName}`)).size;
  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/archive/handover" className="hover:underline">
              {t("crumbs")}
            </Link>{" "}
            / {b.batchNo}
          </>
        }
        title={
          <span className="flex items-center gap-2">
            {t("batchTitle", { batchNo: b.batchNo })} <HandoverStatusTag status={b.status} />
          </span>
        }
        subtitle={`${t("batchSubtitle", { project: b.project?.name ?? "—", className: b.className, fromDept: b.fromDept })} · ${t("createdBy")} ${b.createdBy} ${formatShanghai(b.createdAt)}${b.note ? ` · ${b.note}` : ""}`}
        actions={
          <div className="flex items-center gap-2">
            <PrintButton form="handover" id={b.id} />
            {canCheck ? <HandoverSignActions batchId={b.id} batchNo={b.batchNo} pending={b.summary.pending} groups={groups} /> : null}
          </div>
        }
      />
      <Card className="mb-4">
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <span className="font-medium text-slate-800" data-testid="handover-progress">
            {t("progress", { checked, lines: b.summary.lines })}
          </span>
          <div className="h-2 w-48 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={t("progress", { checked, lines: b.summary.lines })}>
            <div className="h-full bg-emerald-500" style={{ width: `${percent}%` }} />
          </div>
          <span className="text-slate-600">{t("summary", b.summary)}</span>
        </div>
        {b.status === "signed" && <p className="mt-2 text-sm text-emerald-800">{t("signedNote", { at: formatShanghai(b.signedAt), name: b.signedBy })}</p>}
      </Card>

      {b.status === "signed" && (
        <Card title={t("records")} className="mb-4">
          {b.records.length === 0 ? (
            <EmptyState>{t("noRecords")}</EmptyState>
          ) : (
            <Table caption={t("records")}>
              <thead>
                <tr>
                  <Th>{t("colArchiveNo")}</Th>
                  <Th>{t("colTitle")}</Th>
                  <Th className="text-right">{t("colPaperItems")}</Th>
                  <Th className="text-right" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="handover-records">
                {b.records.map((r) => (
                  <tr key={r.id} className="hover:bg-slate-50">
                    <Td className="font-mono text-xs">{r.archiveNo}</Td>
                    <Td>{r.title}</Td>
                    <Td className="text-right tabular-nums">{t("paperItems", { count: r.paperItemCount })}</Td>
                    <Td className="text-right">
                      <Link href={`/archive/${r.id}`} className="text-brand-600 hover:underline">
                        {t("open")}
                      </Link>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      )}

      <HandoverCheckGroups
        canCheck={canCheck}
        items={b.items.map((i) => ({ ...i, checkedAt: i.checkedAt ? formatShanghai(i.checkedAt) : "" }))}
      />
    </>
  );
}

export default withClientMessages(["handover"], HandoverBatchPage);
