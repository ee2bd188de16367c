import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { formatShanghai } from "@/server/domain/time";
import { canAmendContact, CONTACT_RECORDERS } from "@/server/domain/contacts/contacts.policy";
import { COMPLAINT_RECEIVERS, REPAIR_CLERKS } from "@/server/domain/complaints/complaints.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";
import { FollowUpTag } from "@/components/contacts/tags";
import { AmendPanels, FollowUpForm } from "@/components/contacts/contact-actions";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).contacts.get({ contactId: id }));

export async function generateMetadata({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  return recordTitle("contact", async () => { const x = await load(contactId); return x.contactNo; });
}

async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const user = await requireModule("contacts");
  const { contactId } = await params;
  const t = await getTranslations("contacts");
  const c = await orNotFound(load(contactId));
  const live = !c.voidedAt;
  const isRecorder = hasAnyRole(user.roles, CONTACT_RECORDERS);
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0">{value || "—"}</dd>
    </>
  );

  return (
    <>
      <PageHeader
        crumbs={`${t("crumbs")} / ${c.contactNo}`}
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{c.contactNo}</span>
            <Tag tone="blue">{t(`channels.${c.channel}`)}</Tag>
            <Tag tone="violet">{t(`purposes.${c.purpose}`)}</Tag>
            {c.voidedAt ? <Tag tone="grey">{t("voided")}</Tag> : <FollowUpTag state={c.followUp} />}
          </span>
        }
        actions={
          <>
            {live && !c.complaintId && hasAnyRole(user.roles, COMPLAINT_RECEIVERS) && (
              <LinkButton href={`/complaints/new?fromContact=${c.id}`} variant="secondary">
                {t("toComplaint")}
              </LinkButton>
            )}
            {live && !c.repairId && hasAnyRole(user.roles, REPAIR_CLERKS) && (
              <LinkButton href={`/complaints/repairs/new?fromContact=${c.id}`} variant="secondary">
                {t("toRepair")}
              </LinkButton>
            )}
            <LinkButton href="/contacts" variant="secondary">
              {t("backToList")}
            </LinkButton>
          </>
        }
      />
      {c.voidedAt && <p className="mb-4 rounded-md bg-slate-100 px-4 py-3 text-sm text-slate-700">{t("voidedBanner", { reason: c.voidReason ?? "" })}</p>}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("detailCard")}>
            <dl className="grid grid-cols-[7rem_1fr_6rem_1fr] gap-x-3 gap-y-1.5 text-sm">
              {row(t("occurredAt"), <span className="tabular-nums">{c.occurredAtText}</span>)}
              {row(t("recordedBy"), c.recordedByName)}
              {row(t("caller"), c.callerName)}
              {row(t("callerPhone"), c.callerPhone)}
              {row(t("unit"), c.unit)}
              {row(
                t("colLink"),
                <span className="space-x-2 font-mono text-xs">
                  {c.complaintNo && (
                    <Link href={`/complaints/${c.complaintId}`} className="text-brand-600 hover:underline">
                      {t("linkedComplaint", { complaintNo: c.complaintNo })}
                    </Link>
                  )}
                  {c.orderNo && (
                    <Link href={`/complaints/repairs/${c.repairId}`} className="text-brand-600 hover:underline">
                      {t("linkedRepair", { orderNo: c.orderNo })}
                    </Link>
                  )}
                </span>,
              )}
            </dl>
            <h3 className="mt-4 text-xs font-semibold text-slate-500">{t("content")}</h3>
            <p className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">{c.content}</p>
            <h3 className="mt-3 text-xs font-semibold text-slate-500">{t("answer")}</h3>
            <p className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">{c.answer || "—"}</p>
          </Card>
          {live && isRecorder && canAmendContact(user, c) && <AmendPanels contact={c} />}
        </div>
        <Card title={t("followUp")}>
          {!c.followUpNeeded ? (
            <p className="text-sm text-slate-500">{t("followUps.none")}</p>
          ) : c.followUpDoneAt ? (
            <div className="space-y-2 text-sm">
              <p className="text-emerald-700">{t("followUpDoneAt", { at: formatShanghai(c.followUpDoneAt) })}</p>
              <p className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-slate-800">{c.followUpNote}</p>
            </div>
          ) : live && isRecorder ? (
            <FollowUpForm contact={c} />
          ) : (
            <FollowUpTag state="open" />
          )}
        </Card>
      </div>
    </>
  );
}

export default withClientMessages(["complaints", "contacts"], ContactPage);
