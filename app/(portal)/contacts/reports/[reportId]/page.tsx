import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { formatShanghai } from "@/server/domain/time";
import { REPORT_SUPERSEDERS, REPORT_WRITERS } from "@/server/domain/contacts/contacts.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { PrintButton } from "@/components/print/print-button";
import { ReportStatusTag } from "@/components/contacts/tags";
import { RecountButton, SignForm, SupersedeForm } from "@/components/contacts/report-actions";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).contacts.reports.get({ reportId: id }));

export async function generateMetadata({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  return recordTitle("contactReport", async () => { const x = await load(reportId); return x.periodLabel; });
}

async function ContactReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const user = await requireModule("contacts");
  const { reportId } = await params;
  const t = await getTranslations("contactReports");
  const r = await orNotFound(load(reportId));
  const mayWrite = hasAnyRole(user.roles, REPORT_WRITERS);
  const kind = t(`kinds.${r.kind}`);

  return (
    <>
      <PageHeader
        crumbs={`${t("crumbs")} / ${kind} ${r.periodLabel}`}
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span>{t("detailTitle", { kind, period: r.periodLabel })}</span>
            <ReportStatusTag status={r.status} />
            <span className="text-sm font-normal text-slate-500">{t("versionOf", { version: r.reportVersion })}</span>
          </span>
        }
        actions={
          <>
            <PrintButton form="contact-report" id={r.id} />
            <a href={`/api/contacts/reports/${r.id}/export?format=csv`} className={buttonClass("secondary")}>
              {t("exportCsv")}
            </a>
            <a href={`/api/contacts/reports/${r.id}/export?format=xlsx`} className={buttonClass("secondary")}>
              {t("exportXlsx")}
            </a>
            <LinkButton href="/contacts/reports" variant="secondary">
              {t("backToList")}
            </LinkButton>
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Table caption={t("figures")}>
            <thead>
              <tr>
                <Th>{t("colSection")}</Th>
                <Th>{t("colItem")}</Th>
                <Th className="text-right">{t("colValue")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.lines.map((l) => (
                <tr key={`${l.section}.${l.item}`} data-figure={`${l.section}.${l.item}`}>
                  <Td className="whitespace-nowrap text-slate-500">{t(`sections.${l.section}`)}</Td>
                  <Td>{t(`items.${l.item as "total"}`)}</Td>
                  <Td className={cn("text-right tabular-nums", l.item === "total" && "font-semibold")}>{l.value}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="mt-2 text-xs text-slate-500">{t("frozenNote")}</p>
        </div>
        <div className="space-y-4">
          <Card title={t("colStatus")}>
            <dl className="space-y-1.5 text-sm">
              <dd>{t("due", { due: formatShanghai(r.dueAt) })}</dd>
              <dd>{t("generatedBy", { name: r.generatedByName, at: formatShanghai(r.generatedAt) })}</dd>
              {r.signedAt && <dd className="text-emerald-700">{t("signedBy", { name: r.signedByName ?? "", at: formatShanghai(r.signedAt) })}</dd>}
              {r.supersedeReason && <dd className="text-slate-600">{t("supersededBecause", { reason: r.supersedeReason })}</dd>}
            </dl>
            {r.remarks && (
              <>
                <h3 className="mt-3 text-xs font-semibold text-slate-500">{t("remarks")}</h3>
                <p className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800">{r.remarks}</p>
              </>
            )}
            {r.versions.length > 1 && (
              <>
                <h3 className="mt-3 text-xs font-semibold text-slate-500">{t("versions")}</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {r.versions.map((v) => (
                    <li key={v.id}>
                      <Link href={`/contacts/reports/${v.id}`} className={cn("hover:underline", v.id === r.id ? "font-semibold text-slate-900" : "text-brand-600")}>
                        {t("versionOf", { version: v.reportVersion })}
                      </Link>{" "}
                      <ReportStatusTag status={v.status} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          {r.status === "draft" && mayWrite && (
            <Card title={t("sign")} actions={<RecountButton reportId={r.id} version={r.version} />}>
              <SignForm reportId={r.id} version={r.version} />
            </Card>
          )}
          {r.status === "signed" && hasAnyRole(user.roles, REPORT_SUPERSEDERS) && (
            <Card title={t("supersede")}>
              <SupersedeForm reportId={r.id} version={r.version} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

export default withClientMessages(["complaints", "contactReports", "contacts"], ContactReportPage);
