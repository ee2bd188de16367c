import type { Locale } from "../../i18n/config";
import { translatorFor } from "../../i18n/translate";
import { formatShanghai } from "../time";
import type { getReport } from "./reports.service";

type Report = Awaited<ReturnType<typeof getReport>>;

/** The report as table rows (section, item, value) in the user's language, for CSV/XLSX (the complaints export's writers). */
export function reportTable(r: Report, locale: Locale): string[][] {
  const t = translatorFor(locale);
  const rows: string[][] = [[t("contactReports.colSection"), t("contactReports.colItem"), t("contactReports.colValue")]];
  rows.push([t(`contactReports.kinds.${r.kind}`), r.periodLabel, t("contactReports.versionOf", { version: r.reportVersion })]);
  rows.push([t("contactReports.colStatus"), t(`contactReports.statuses.${r.status}`), r.signedAt ? `${r.signedByName ?? ""} ${formatShanghai(r.signedAt)}` : ""]);
  for (const l of r.lines) rows.push([t(`contactReports.sections.${l.section}`), t(`contactReports.items.${l.item as "total"}`), String(l.value)]);
  if (r.remarks) rows.push([t("contactReports.remarks"), r.remarks, ""]);
  return rows;
}

export function reportFileName(r: Report, locale: Locale): { base: string; name: string } {
  const t = translatorFor(locale);
  return { base: `contact-report-${r.kind}-${r.periodKey}-v${r.reportVersion}`, name: `${t("contactReports.title")}_${t(`contactReports.kinds.${r.kind}`)}_${r.periodKey}` };
}
