import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { COMPLAINT_ASSIGNERS, REPAIR_CLERKS } from "@/server/domain/complaints/complaints.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";
import { ClockTag, ComplaintStatusTag, RepairStatusTag, SeverityTag } from "@/components/complaints/tags";
import { EscalationHistory } from "@/components/calendar/escalation-history";
import { ComplaintActions } from "@/components/complaints/complaint-actions";
import { RevealContact } from "@/components/complaints/reveal-contact";
import { PrintButton } from "@/components/print/print-button";
import { UnitLink } from "@/components/units/unit-link";
import { FromContact } from "@/components/contacts/from-contact";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).complaints.get({ complaintId: id }));

export async function generateMetadata({ params }: { params: Promise<{ complaintId: string }> }) {
  const { complaintId } = await params;
  return recordTitle("complaint", async () => { const x = await load(complaintId); return x.complaintNo; });
}

async function ComplaintPage({ params }: { params: Promise<{ complaintId: string }> }) {
  const user = await requireModule("complaints");
  const { complaintId } = await params;
  const t = await getTranslations("complaints");
  const caller = await api();
  const c = await orNotFound(load(complaintId));
  const targets = c.actions.includes("assign") && hasAnyRole(user.roles, COMPLAINT_ASSIGNERS) ? await caller.complaints.assignmentTargets() : null;
  const now = new Date();
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0">{value ?? "—"}</dd>
    </>
  );
  const archived = c.events.find((e) => e.kind === "close")?.data as { archiveNo?: string | null } | undefined;

  return (
    <>
      <PageHeader
        crumbs={`${t("crumbs")} / ${c.complaintNo}`}
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{c.complaintNo}</span>
            <ComplaintStatusTag status={c.status} />
            <SeverityTag severity={c.severity} />
            {c.reopenCount > 0 && <Tag tone="amber">{`${t("reopenCount")} ${c.reopenCount}`}</Tag>}
          </span>
        }
        actions={
          <>
            <PrintButton form="complaint-sheet" id={c.id} />
            {c.callbacks.length > 0 && <PrintButton form="complaint-callback" id={c.id} label={t("printCallbacks")} />}
            {hasAnyRole(user.roles, REPAIR_CLERKS) && c.status !== "closed" && (
              <LinkButton href={`/complaints/repairs/new?complaintId=${c.id}`} variant="secondary">
                {t("newRepairFrom")}
              </LinkButton>
            )}
            <LinkButton href="/complaints" variant="secondary">
              {t("back")}
            </LinkButton>
          </>
        }
      />
      <div className="mb-4 grid gap-4 lg:grid-cols-3">
        <Card title={t("info")} className="lg:col-span-2">
          <dl className="grid grid-cols-[6rem_1fr_6rem_1fr] gap-x-3 gap-y-1.5 text-sm">
            {row(t("complainant"), c.complainantName)}
            {row(t("contactPhone"), c.hasContactPhone ? <RevealContact complaintId={c.id} masked={c.contactPhoneMasked} canReveal={c.canReveal} /> : "—")}
            {row(t("unit"), c.unitId && c.unit ? <UnitLink unitId={c.unitId}>{c.unit}</UnitLink> : c.unit)}
            {row(t("client"), c.clientName)}
            {row(t("category"), c.category)}
            {row(t("channel"), t(`channels.${c.channel}`))}
            {row(t("receivedAt"), formatShanghai(c.receivedAt))}
            {row(t("receivedBy"), c.receivedBy)}
            {row(t("responsible"), c.responsible)}
            {row(t("assignedDept"), c.department)}
            {c.escalatedAt && row(t("escalatedAt"), formatShanghai(c.escalatedAt))}
            {archived?.archiveNo && row(t("sheet"), t("archivedAs", { archiveNo: archived.archiveNo }))}
          </dl>
          <p className="mt-3 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">{c.content}</p>
          <FromContact complaintId={c.id} />
        </Card>
        <Card title={t("clocks")}>
          <dl className="grid grid-cols-[5.5rem_1fr] gap-y-2 text-sm">
            {row(t("promised"), formatShanghai(c.promisedReplyAt))}
            {row(t("repliedAt"), c.repliedAt ? formatShanghai(c.repliedAt) : null)}
            {row(t("nextProgress"), c.progressDueAt ? formatShanghai(c.progressDueAt) : null)}
            {row(t("progressLapses"), c.progressLapses)}
            {row(t("callbackDue"), c.callbackDueAt ? formatShanghai(c.callbackDueAt) : null)}
          </dl>
          <div className="mt-3 flex flex-wrap gap-1">
            <ClockTag name="reply" clock={c.clocks.reply} now={now} />
            <ClockTag name="progress" clock={c.clocks.progress} now={now} />
            <ClockTag name="callback" clock={c.clocks.callback} now={now} />
          </div>
        </Card>
      </div>
      <div className="mb-4 grid gap-4 lg:grid-cols-3">
        <Card title={t("actions")} className="lg:col-span-2">
          {c.actions.length ? <ComplaintActions complaintId={c.id} version={c.version} actions={c.actions} targets={targets} /> : <p className="text-sm text-slate-500">{t("noActions")}</p>}
        </Card>
        <Card title={t("callbacks")}>
          {c.callbacks.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noCallbacks")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {c.callbacks.map((k) => (
                <li key={k.id}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Tag tone={k.satisfaction === "dissatisfied" ? "red" : k.satisfaction === "neutral" ? "amber" : "green"}>{t(`satisfactions.${k.satisfaction}`)}</Tag>
                    <span className="text-slate-600">{k.calledByName}</span>
                    <span className="tabular-nums text-slate-500">{formatShanghai(k.calledAt)}</span>
                    {k.dueAt && (k.calledAt <= k.dueAt ? <Tag tone="grey">{t("onTime")}</Tag> : <Tag tone="red">{t("late")}</Tag>)}
                  </div>
                  {k.remarks && <p className="mt-0.5 text-slate-700">{k.remarks}</p>}
                </li>
              ))}
            </ul>
          )}
          {c.repairs.length > 0 && (
            <>
              <h3 className="mb-1 mt-4 text-sm font-semibold text-slate-800">{t("repairs")}</h3>
              <ul className="space-y-1 text-sm">
                {c.repairs.map((r) => (
                  <li key={r.id} className="flex items-center gap-2">
                    <Link href={`/complaints/repairs/${r.id}`} className="font-mono text-xs text-brand-600 hover:underline">
                      {r.orderNo}
                    </Link>
                    <RepairStatusTag status={r.status} />
                    <span className="truncate text-slate-600">{r.location}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>
      <Card title={`${t("timeline")} · ${t("sheet")}`}>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm">
          {c.events.map((e) => (
            <li key={e.id} className="relative" data-event={e.kind}>
              <span className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden />
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <span className="font-medium text-slate-800">{t(`events.${e.kind}` as "events.intake")}</span>
                <span>{e.actorName}</span>
                <span className="tabular-nums">{formatShanghai(e.at)}</span>
                {e.toStatus && e.fromStatus !== e.toStatus && <ComplaintStatusTag status={e.toStatus as "received"} />}
              </div>
              <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{e.note}</p>
            </li>
          ))}
        </ol>
        {c.resolution && (
          <p className="mt-3 text-sm">
            <span className="text-slate-500">{t("sheetResult")}：</span>
            {c.resolution}
          </p>
        )}
      </Card>
      <EscalationHistory steps={c.escalation} />
    </>
  );
}

export default withClientMessages(["complaints"], ComplaintPage);
