import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { formatShanghai } from "@/server/domain/time";
import { COMPLAINT_READERS, REPAIR_APPROVERS } from "@/server/domain/complaints/complaints.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";
import { ClockTag, RepairStatusTag } from "@/components/complaints/tags";
import { RepairActions } from "@/components/complaints/repair-actions";
import { PrintButton } from "@/components/print/print-button";
import { FromContact } from "@/components/contacts/from-contact";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).complaints.repairs.get({ repairId: id }));

export async function generateMetadata({ params }: { params: Promise<{ repairId: string }> }) {
  const { repairId } = await params;
  return recordTitle("repair", async () => { const x = await load(repairId); return x.orderNo; });
}

async function RepairPage({ params }: { params: Promise<{ repairId: string }> }) {
  await requireRoles([...COMPLAINT_READERS, ...REPAIR_APPROVERS]);
  const { repairId } = await params;
  const t = await getTranslations("repairs");
  const tc = await getTranslations("complaints");
  const r = await orNotFound(load(repairId));
  const now = new Date();
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0">{value ?? "—"}</dd>
    </>
  );
  const approvalLine = (level: "engineering" | "general", by: string | null, at: Date | null) => (
    <li className="flex items-center gap-2">
      <span className="w-20 text-slate-500">{t(`levels.${level}`)}</span>
      {at ? <Tag tone="green">{t("approved")}</Tag> : r.awaiting === level ? <Tag tone="amber">{t("awaiting", { level: t(`levels.${level}`) })}</Tag> : <Tag tone="grey">—</Tag>}
      {by && at && <span className="text-slate-600">{t("by", { name: by, at: formatShanghai(at) })}</span>}
    </li>
  );

  return (
    <>
      <PageHeader
        crumbs={`${t("title")} / ${r.orderNo}`}
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{r.orderNo}</span>
            <RepairStatusTag status={r.status} />
            {r.reopenCount > 0 && <Tag tone="amber">{`${tc("reopenCount")} ${r.reopenCount}`}</Tag>}
          </span>
        }
        actions={
          <>
            <PrintButton form="repair" id={r.id} />
            <LinkButton href="/complaints/repairs" variant="secondary">
              {t("back")}
            </LinkButton>
          </>
        }
      />
      <div className="mb-4 grid gap-4 lg:grid-cols-3">
        <Card title={t("info")} className="lg:col-span-2">
          <dl className="grid grid-cols-[6rem_1fr_6rem_1fr] gap-x-3 gap-y-1.5 text-sm">
            {row(t("location"), r.location)}
            {row(tc("unit"), r.unit)}
            {row(t("colWarranty"), r.isWarranty ? t("warranty") : t("noWarranty"))}
            {row(t("colDept"), r.departmentName)}
            {row(t("colPaid"), r.isPaid ? t("paid") : t("free"))}
            {row(t("cost"), r.cost ? <span className="tabular-nums">{r.cost}</span> : null)}
            {row(tc("receivedBy"), r.createdBy)}
            {row(t("colCreatedAt"), formatShanghai(r.createdAt))}
            {r.complaint && row(t("complaint"), <Link href={`/complaints/${r.complaintId}`} className="font-mono text-brand-600 hover:underline">{r.complaint.complaintNo}</Link>)}
          </dl>
          <p className="mt-3 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">{r.description}</p>
          <FromContact repairId={r.id} />
          {r.plan && (
            <p className="mt-2 text-sm">
              <span className="text-slate-500">{t("plan")}：</span>
              {r.plan}
            </p>
          )}
        </Card>
        <Card title={t("approvals")}>
          <p className="mb-2 text-xs text-slate-500">{t("approvalRule", { limit: r.engineeringLimit })}</p>
          {r.status === "registered" ? (
            <p className="text-sm text-slate-500">—</p>
          ) : (
            <ul className="space-y-1.5 text-sm">
              {approvalLine("engineering", r.engApprovedBy, r.engApprovedAt)}
              {r.needsGeneral && approvalLine("general", r.genApprovedBy, r.genApprovedAt)}
              {r.rejectedAt && (
                <li className="text-red-700">
                  {t("rejected")} · {r.rejectedBy} · {formatShanghai(r.rejectedAt)}：{r.rejectReason}
                </li>
              )}
            </ul>
          )}
          {r.awaiting && !r.actions.includes("approve") && <p className="mt-2 text-sm text-slate-500">{r.awaitingName ? t("notYourTurn", { name: r.awaitingName, level: t(`levels.${r.awaiting}`) }) : t("noApprover", { level: t(`levels.${r.awaiting}`) })}</p>}
          {r.callbackClock && (
            <div className="mt-3">
              <ClockTag name="callback" clock={r.callbackClock} now={now} />
            </div>
          )}
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={tc("actions")} className="lg:col-span-2">
          {r.actions.length ? <RepairActions repairId={r.id} version={r.version} actions={r.actions} awaiting={r.awaiting} plan={r.plan} cost={r.cost} /> : <p className="text-sm text-slate-500">{tc("noActions")}</p>}
        </Card>
        <Card title={t("timeline")}>
          <ol className="space-y-2 text-sm">
            {r.events.map((e) => (
              <li key={e.id} data-event={e.kind}>
                <div className="flex flex-wrap gap-2 text-xs text-slate-500">
                  <span className="font-medium text-slate-800">{t(`events.${e.kind}` as "events.create")}</span>
                  <span>{e.actorName}</span>
                  <span className="tabular-nums">{formatShanghai(e.at)}</span>
                </div>
                <p className="text-slate-700">{e.note}</p>
              </li>
            ))}
          </ol>
          {r.callbacks.length > 0 && (
            <ul className="mt-3 space-y-1 border-t border-slate-100 pt-2 text-sm">
              {r.callbacks.map((k) => (
                <li key={k.id} className="flex flex-wrap items-center gap-2">
                  <Tag tone={k.satisfaction === "dissatisfied" ? "red" : "green"}>{tc(`satisfactions.${k.satisfaction}`)}</Tag>
                  {k.calledByName} · {formatShanghai(k.calledAt)}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

export default withClientMessages(["complaints", "repairs"], RepairPage);
