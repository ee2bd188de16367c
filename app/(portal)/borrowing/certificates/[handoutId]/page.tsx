import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { idOrNotFound } from "@/server/api/not-found";
import { formatShanghai } from "@/server/domain/time";
import { CERTIFICATE_CLERKS, CERTIFICATE_READERS } from "@/server/domain/borrowing/borrow.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { Tag } from "@/components/ui/tag";
import { CertificateActions, VoidHandoutScope } from "@/components/borrowing/certificate-actions";
import { PrintButton } from "@/components/print/print-button";
import { UnitLink } from "@/components/units/unit-link";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).borrowing.certificates.get({ handoutId: id }));

export async function generateMetadata({ params }: { params: Promise<{ handoutId: string }> }) {
  const { handoutId } = await params;
  return recordTitle("certificate", async () => { const x = await load(handoutId); return x.handoutNo; });
}

/** 产权证领取确认单: what was handed to whom, checked against which buyer, and the signatures. */
async function HandoutPage({ params }: { params: Promise<{ handoutId: string }> }) {
  const user = await requireRoles(CERTIFICATE_READERS);
  const handoutId = idOrNotFound((await params).handoutId);
  const caller = await api();
  const h = await load(handoutId).catch(() => null);
  if (!h) notFound();
  const t = await getTranslations("certificates");
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[9rem_1fr] gap-3 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeader
        crumbs={
          <Link href="/borrowing/certificates" className="hover:underline">
            {t("title")}
          </Link>
        }
        title={t("detailTitle", { handoutNo: h.handoutNo })}
        actions={
          <div className="flex gap-2">
            <PrintButton form="certificate-handout" id={h.id} />
            {hasAnyRole(user.roles, CERTIFICATE_CLERKS) && !h.voidedAt && (
              <VoidHandoutScope>
                <CertificateActions handoutId={h.id} handoutNo={h.handoutNo} confirmed={!!h.confirmedAt} />
              </VoidHandoutScope>
            )}
          </div>
        }
      />
      <Card className="max-w-3xl">
        {h.voidedAt && (
          <p className="mb-3 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
            <Tag tone="grey">{t("stateVoided")}</Tag> {t("voidedInfo", { by: h.voidedBy ?? "", at: formatShanghai(h.voidedAt), reason: h.voidReason ?? "" })}
          </p>
        )}
        <dl className="divide-y divide-slate-100">
          {row(t("colHandoutNo"), <span className="font-mono">{h.handoutNo}</span>)}
          {row(t("colUnit"), <UnitLink unitId={h.unitId}>{h.unitLabel}</UnitLink>)}
          {row(t("colCertificateNo"), h.certificateNo)}
          {row(t("colOwner"), (
            <>
              {h.ownerName} <span className="ml-2 font-mono text-xs text-slate-500">{h.ownerIdMasked}</span>
            </>
          ))}
          {row(t("recipientKind"), h.recipientKind === "agent" ? t("kindAgent") : t("kindOwner"))}
          {row(t("colRecipient"), (
            <>
              {h.recipientName} <span className="ml-2 font-mono text-xs text-slate-500">{h.recipientIdMasked}</span>
              {h.recipientPhoneMasked && <span className="ml-2 font-mono text-xs text-slate-500">{h.recipientPhoneMasked}</span>}
            </>
          ))}
          {h.powerOfAttorney && row(t("powerOfAttorney"), h.powerOfAttorney)}
          {row(t("colHandedBy"), h.handedBy)}
          {row(t("colHandedAt"), formatShanghai(h.handedAt))}
          {row(t("colConfirmed"), h.confirmedAt ? <Tag tone="green">{t("confirmedAt", { at: formatShanghai(h.confirmedAt) })}</Tag> : <Tag tone="amber">{t("notConfirmed")}</Tag>)}
          {h.remarks && row(t("remarks"), h.remarks)}
        </dl>
        <div className="mt-8 grid grid-cols-2 gap-8 text-sm text-slate-600">
          <div className="border-t border-slate-400 pt-1">{t("signature")}</div>
          <div className="border-t border-slate-400 pt-1">{t("clerkSignature")}</div>
        </div>
      </Card>
    </>
  );
}

export default withClientMessages(["certificates"], HandoutPage);
