import ExcelJS from "exceljs";
import { translatorFor } from "../../i18n/translate";
import type { Locale } from "../../i18n/config";
import type { Rate } from "../complaints/stats";
import type { ArchiveStatistics, LoanStatistics } from "./statistics.service";
import { csvText } from "../export/csv";

// The loan and archive statistics as tables for CSV / XLSX: one block per chart (a title row,
// a header row, the rows), the same figures the page shows, in the user's language.

export type Table = (string | number)[][];

const rateText = (r: Rate) => (r.percent === null ? "—" : `${r.percent}% (${r.num}/${r.den})`);

export function loanStatsTable(s: LoanStatistics, locale: Locale): Table {
  const t = translatorFor(locale);
  const k = (key: string) => t(`statistics.${key}` as "statistics.title");
  const project = s.projectId ? (s.projects.find((p) => p.id === s.projectId)?.name ?? "") : k("allProjects");
  const out: Table = [[k("loans.title"), `${s.from} ~ ${s.to}`, project]];
  out.push([], [k("loans.lent"), s.lent], [k("loans.returned"), s.returned], [k("loans.overdue"), s.overdue]);
  out.push([k("loans.averageDaysOut"), s.averageDaysOut ?? "—"], [k("loans.overdueRate"), rateText(s.overdueRate)]);
  out.push([], [k("loans.byMonth")], [k("month"), k("loans.lent"), k("loans.returned"), k("loans.overdue")]);
  for (const m of s.byMonth) out.push([m.month, m.lent, m.returned, m.overdue]);
  out.push([], [k("loans.byType")], [k("name"), k("count")]);
  for (const i of s.byType) out.push([t(`borrowType.${i.name as "copy"}`), i.count]);
  out.push([], [k("loans.byClass")], [k("name"), k("count")]);
  for (const i of s.byClass) out.push([i.name, i.count]);
  return out;
}

export function archiveStatsTable(s: ArchiveStatistics, locale: Locale): Table {
  const t = translatorFor(locale);
  const k = (key: string) => t(`statistics.${key}` as "statistics.title");
  const project = s.projectId ? (s.projects.find((p) => p.id === s.projectId)?.name ?? "") : k("allProjects");
  const out: Table = [[k("archive.title"), `${s.from} ~ ${s.to}`, project]];
  out.push([], [k("archive.clientFiles"), s.clientFiles], [k("archive.complete"), s.complete], [k("archive.incomplete"), s.incomplete], [k("archive.completeRate"), rateText(s.completeRate)]);
  out.push([], [k("archive.byPlace")], [k("archive.project"), k("archive.building"), k("archive.complete"), k("archive.incomplete"), k("archive.completeRate")]);
  for (const p of s.byPlace) out.push([p.project, p.building ?? "—", p.complete, p.incomplete, rateText(p.rate)]);
  out.push([], [k("archive.missingTop")], [k("archive.item"), k("archive.filesMissing")]);
  for (const i of s.missingTop) out.push([i.name, i.count]);
  out.push([], [k("archive.addedByMonth")], [k("month"), ...s.classes, k("total")]);
  for (const m of s.addedByMonth) out.push([m.month, ...s.classes.map((c) => m.counts[c] ?? 0), m.total]);
  return out;
}

/** The statistics as CSV (the one writer: server/domain/export/csv.ts; formulas neutralised). */
export function tableCsv(table: Table): string {
  return csvText(table);
}

export async function tableXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  for (const r of table) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
