import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { ARCHIVE_KEEPERS } from "@/server/domain/archive/archive.policy";
import { formatShanghai } from "@/server/domain/time";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { HistoryTable } from "@/components/audit/history-table";
import { AttachmentsPanel } from "@/components/archive/attachments-panel";
import { ConfidentialityTag, StatusTag } from "@/components/archive/record-tags";
import { CompletenessCard } from "@/components/archive/completeness-card";
import { RetentionLabel } from "@/components/archive/retention-label";
import { LocationForm, PaperItemsForm } from "@/components/archive/keeper-forms";
import { LoanFlagBanner } from "@/components/borrowing/loan-flag-banner";
import { LENDERS } from "@/server/domain/borrowing/borrow.policy";
import { maySeeAnySlip } from "@/server/domain/borrowing/loan-views";
import { UnitLink } from "@/components/units/unit-link";
import { boxOfRecord } from "@/server/domain/labels/location";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).archive.records.get({ recordId: id }));

export async function generateMetadata({ params }: { params: Promise<{ recordId: string }> }) {
  const { recordId } = await params;
  return recordTitle("record", async () => { const x = await load(recordId); return x.archiveNo; });
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

async function RecordPage({ params }: { params: Promise<{ recordId: string }> }) {
  const user = await requireModule("archive");
  const { recordId } = await params;
  const caller = await api();
  const [t, tn] = await Promise.all([getTranslations("archive"), getTranslations("nav")]);
  let r;
  try {
    r = await orNotFound(load(recordId));
  } catch (e) {
    // 机密 to someone without the clearance: say so instead of a server error page.
    if (e instanceof TRPCError && e.code === "FORBIDDEN") {
      const te = await getTranslations("errors");
      return <EmptyState>{te("ARCHIVE_SECRET")}</EmptyState>;
    }
    throw e;
  }
  const history = await caller.archive.records.history({ recordId });
  const isKeeper = hasAnyRole(user.roles, ARCHIVE_KEEPERS);
  const onShelf = r.status === "in_store" || r.status === "lent";
  const place = [r.project?.name, r.building?.name, r.unit?.number].filter(Boolean).join(" ");
  // The location links to its box page when that box exists (no box row: plain text).
  const at = boxOfRecord(r);
  const box = at ? await caller.labels.boxes.at(at) : null;
  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/archive" className="hover:underline">{tn("archive")}</Link>
            {r.archiveClass.isClientFile && (
              <>
                {" / "}
                <Link href="/archive/client-files" className="hover:underline">{tn("archiveClientFiles")}</Link>
              </>
            )}
          </>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono" data-testid="archive-no">{r.archiveNo}</span>
            <span className="text-base font-normal text-slate-700">{r.title}</span>
          </span>
        }
        actions={
          <>
            <StatusTag status={r.status} />
            <ConfidentialityTag value={r.confidentiality} />
          </>
        }
      />
      <LoanFlagBanner recordId={r.id} canClear={hasAnyRole(user.roles, LENDERS)} canOpenSlip={maySeeAnySlip(user.roles)} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("basics")}>
          <dl className="divide-y divide-slate-100 text-sm">
            <Row label={t("archiveNo")}><span className="font-mono">{r.archiveNo}</span></Row>
            <Row label={t("class")}>{r.archiveClass.code} {r.archiveClass.name}</Row>
            <Row label={t("title")}>{r.title}</Row>
            <Row label={`${t("project")} / ${t("building")} / ${t("unit")}`}>{r.unit ? <UnitLink unitId={r.unit.id}>{place}</UnitLink> : place || "—"}</Row>
            <Row label={t("client")}>
              {r.client ? (
                <span>
                  {r.client.name}
                  <span className="ml-2 text-xs text-slate-500">
                    {t(`clientKind.${r.client.kind}`)} · {t("idNumber")} <span className="font-mono">{r.client.idMasked || "—"}</span> · {t("phone")} <span className="font-mono">{r.client.phoneMasked || "—"}</span>
                  </span>
                </span>
              ) : (
                "—"
              )}
            </Row>
            <Row label={t("parties")}>{r.parties ?? "—"}</Row>
            <Row label={t("formedOn")}>{r.formedOn}</Row>
            <Row label={t("retention")}>
              <RetentionLabel years={r.retentionYears} />
              <span className="ml-2 text-xs text-slate-500">{r.expiresOn ? `${t("expiresOn")} ${r.expiresOn}` : t("permanentNoExpiry")}</span>
            </Row>
            <Row label={t("confidentialityLabel")}><ConfidentialityTag value={r.confidentiality} /></Row>
            <Row label={t("location")}>
              <span data-testid="location">
                {box && r.location ? (
                  <Link href={`/archive/boxes/${box.id}`} className="text-brand-600 hover:underline">
                    {r.location}
                  </Link>
                ) : (
                  (r.location ?? "—")
                )}
              </span>
            </Row>
            <Row label={t("flagsLabel")}>{r.conditions.length ? r.conditions.map((c) => t(`conditions.${c}`)).join("、") : "—"}</Row>
            <Row label={t("remarks")}>{r.remarks ?? "—"}</Row>
            <Row label={t("createdBy")}>{formatShanghai(r.createdAt)}</Row>
          </dl>
        </Card>
        <div className="space-y-4">
          <CompletenessCard completeness={r.completeness} hasClient={!!r.client} />
          <Card title={t("paperItems")}>
            {r.paperItems.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noPaperItems")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {r.paperItems.map((p) => (
                  <li key={p.id} className="flex justify-between py-1.5">
                    <span>{p.name}{p.remark && <span className="ml-2 text-xs text-slate-500">{p.remark}</span>}</span>
                    <span className="tabular-nums">×{p.count}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        {isKeeper && onShelf && (
          <>
            <Card title={t("editLocation")}>
              <LocationForm recordId={r.id} cabinet={r.cabinet} shelf={r.shelf} box={r.box} />
            </Card>
            <Card title={t("editPaperItems")}>
              <PaperItemsForm recordId={r.id} items={r.paperItems} />
            </Card>
          </>
        )}
      </div>
      <div className="mt-4">
        <AttachmentsPanel recordId={r.id} />
      </div>
      <HistoryTable
        entries={history}
        labels={{ title: t("history"), empty: t("noHistory"), at: t("historyAt"), actor: t("historyActor"), action: t("historyAction"), change: t("historyChange") }}
      />
    </>
  );
}

export default withClientMessages(["archive", "attachments", "loans"], RecordPage);
