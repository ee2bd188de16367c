import { Fragment } from "react";
import type { Db } from "../../db/client";
import { REPORT_READERS } from "../../domain/contacts/contacts.policy";
import { getReport } from "../../domain/contacts/reports.service";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";

// 客户来电来访情况（日报/周报/月报）(000 §13): the frozen figures, the CS specialist's remarks and
// signature; the monthly table is signed by the specialist and handed to the manager.

type Report = Awaited<ReturnType<typeof getReport>>;

function ContactReportBody({ doc: r, t }: { doc: Report; t: PrintT }) {
  const isService = (section: string) => section === "complaints" || section === "repairs";
  const left = r.lines.filter((l) => !isService(l.section));
  const right = r.lines.filter((l) => isService(l.section));
  return (
    <>
      <Fields
        rows={[
          [t("print.forms.contactReport.kind"), t(`contactReports.kinds.${r.kind}`)],
          [t("print.forms.contactReport.period"), r.periodLabel],
          [t("print.forms.contactReport.status"), `${t(`contactReports.statuses.${r.status}`)} · ${t("contactReports.versionOf", { version: r.reportVersion })}`],
          [t("print.forms.contactReport.due"), formatShanghai(r.dueAt)],
          [t("print.forms.contactReport.generatedBy"), `${r.generatedByName} ${formatShanghai(r.generatedAt)}`],
          [t("print.forms.contactReport.signedBy"), r.signedAt ? `${r.signedByName ?? ""} ${formatShanghai(r.signedAt)}` : t("print.forms.contactReport.notSigned")],
        ]}
      />
      {/* Calls and visits on the left, complaints and repairs on the right: one A4 page. */}
      <table className="pf-table">
        <thead>
          <tr>
            {[0, 1].map((k) => (
              <Fragment key={k}>
                <th>{t("contactReports.colSection")}</th>
                <th>{t("contactReports.colItem")}</th>
                <th className="num">{t("contactReports.colValue")}</th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: Math.max(left.length, right.length) }, (_, i) => (
            <tr key={i}>
              {[left[i], right[i]].map((l, k) =>
                l ? (
                  <Fragment key={k}>
                    <td className="nowrap">{t(`contactReports.sections.${l.section}`)}</td>
                    <td>{t(`contactReports.items.${l.item as "total"}`)}</td>
                    <td className="num">{l.value}</td>
                  </Fragment>
                ) : (
                  <td key={k} colSpan={3} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pf-box">
        <b>{t("contactReports.remarks")}：</b>
        {r.remarks || "—"}
      </div>
    </>
  );
}

export const contactReportForm = definePrintForm<Report>({
  key: "contact-report",
  roles: REPORT_READERS,
  entity: "ContactReport",
  async load(db: Db, _viewer, ids) {
    const out: Report[] = [];
    for (const id of ids) out.push(await getReport(db, id));
    return out;
  },
  idOf: (r) => r.id,
  numberOf: (r) => `${r.kind.toUpperCase()}-${r.periodKey}-V${r.reportVersion}`,
  titleOf: (r, t) => t("print.forms.contactReport.title", { kind: t(`contactReports.kinds.${r.kind}`) }),
  portalPath: (r) => `/contacts/reports/${r.id}`,
  signatures: (_r, t) => [t("print.forms.contactReport.signSpecialist"), t("print.forms.contactReport.signManager")],
  Body: ContactReportBody,
  async recent(db, _viewer, limit, t) {
    const rows = await db.contactReport.findMany({
      where: { status: { not: "superseded" } },
      orderBy: [{ periodStart: "desc" }, { kind: "asc" }],
      take: limit,
      select: { id: true, kind: true, periodKey: true, reportVersion: true, status: true, generatedAt: true, figures: true },
    });
    return rows.map((r) => ({
      id: r.id,
      number: `${r.kind.toUpperCase()}-${r.periodKey}-V${r.reportVersion}`,
      label: t("print.forms.contactReport.candidate", { kind: t(`contactReports.kinds.${r.kind}`), period: r.periodKey, total: (r.figures as { contacts?: { total?: number } }).contacts?.total ?? 0 }),
      at: r.generatedAt,
      state: t(`contactReports.statuses.${r.status}`),
    }));
  },
});
