import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { requireRoles } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { CERTIFICATE_CLERKS, CERTIFICATE_READERS } from "@/server/domain/borrowing/borrow.policy";
import { HANDOUT_STATES } from "@/server/domain/borrowing/certificate.schema";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { VoidHandoutScope } from "@/components/borrowing/certificate-actions";
import { CertificateRows, type CertificateRow } from "@/components/borrowing/certificate-rows";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("certificates", "title");

type Search = { q?: string; state?: string; page?: string };

/** 产权证领取登记簿: every hand-out, valid or voided, with who handed it over and the signature. */
async function CertificatesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRoles(CERTIFICATE_READERS);
  const sp = await searchParams;
  const q = sp.q?.trim().slice(0, 50) || undefined;
  const state = (HANDOUT_STATES as readonly string[]).includes(sp.state ?? "") ? (sp.state as (typeof HANDOUT_STATES)[number]) : undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const isClerk = hasAnyRole(user.roles, CERTIFICATE_CLERKS);
  const caller = await api();
  const [list, t, tc] = await Promise.all([caller.borrowing.certificates.list({ q, state, page, pageSize: 20 }), getTranslations("certificates"), getTranslations("common")]);
  const stateLabel = { valid: t("stateValid"), unconfirmed: t("stateUnconfirmed"), voided: t("stateVoided") } as const;

  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          isClerk ? (
            <LinkButton href="/borrowing/certificates/new">
              <Plus className="h-4 w-4" aria-hidden />
              {t("new")}
            </LinkButton>
          ) : undefined
        }
      />
      <form method="get" className="mb-3 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-label={tc("filter")}>
        <div className="text-sm">
          <label htmlFor="c-q" className="mb-1 block text-slate-600">{t("search")}</label>
          <Input id="c-q" name="q" defaultValue={q ?? ""} placeholder={t("searchPlaceholder")} className="w-80" maxLength={50} />
        </div>
        <div className="text-sm">
          <label htmlFor="c-state" className="mb-1 block text-slate-600">{t("state")}</label>
          <Select id="c-state" name="state" defaultValue={state ?? ""} className="w-32">
            <option value="">{t("anyState")}</option>
            {HANDOUT_STATES.map((s) => (
              <option key={s} value={s}>
                {stateLabel[s]}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        {(q || state) && (
          <Link href="/borrowing/certificates" className="text-sm text-brand-600 hover:underline">
            {tc("reset")}
          </Link>
        )}
        <span className="ml-auto self-center text-xs text-slate-500">{t("summary", { valid: list.valid, unconfirmed: list.unconfirmed })}</span>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState>{q || state ? t("empty") : t("emptyAll")}</EmptyState>
      ) : (
        <VoidHandoutScope>
          <Table caption={t("title")} dense>
            <thead>
              <tr>
                <Th>{t("colHandoutNo")}</Th>
                <Th>{t("colUnit")}</Th>
                <Th>{t("colCertificateNo")}</Th>
                <Th>{t("colOwner")}</Th>
                <Th>{t("colRecipient")}</Th>
                <Th>{t("colHandedByAt")}</Th>
                <Th>{t("colState")}</Th>
                {isClerk && <Th>{t("colActions")}</Th>}
              </tr>
            </thead>
            <CertificateRows
              actions={isClerk}
              rows={list.rows.map((h): CertificateRow => ({
                id: h.id,
                handoutNo: h.handoutNo,
                unitLabel: h.unitLabel,
                certificateNo: h.certificateNo,
                ownerName: h.ownerName,
                ownerIdMasked: h.ownerIdMasked,
                recipientKind: h.recipientKind,
                recipientName: h.recipientName,
                recipientIdMasked: h.recipientIdMasked,
                powerOfAttorney: h.powerOfAttorney,
                handedBy: h.handedBy,
                handedAt: h.handedAt,
                confirmedAt: h.confirmedAt,
                voidedAt: h.voidedAt,
                voidedBy: h.voidedBy,
                voidReason: h.voidReason,
              }))}
            />
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} params={{ q, state }} />
        </VoidHandoutScope>
      )}
    </>
  );
}

export default withClientMessages(["certificates"], CertificatesPage);
