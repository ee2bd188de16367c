import ExcelJS from "exceljs";
import { formatShanghai } from "../time";
import { translatorFor } from "../../i18n/translate";
import type { Locale } from "../../i18n/config";
import type { ExportFormat } from "./register.schema";
import type { RegisterRow } from "./register.service";
import { csvText, neutraliseFormula } from "../export/csv";

// The 借阅登记表 as a file: one line per 借出单, its records one per line inside the cell (as on
// the paper register). Pure formatting; register.service.ts reads the rows and audits the export.

export const EXPORT_COLUMNS = [
  "requestNo",
  "borrower",
  "borrowType",
  "status",
  "archiveNos",
  "titles",
  "purpose",
  "requestedAt",
  "approvedBy",
  "approvedAt",
  "secondApprovedBy",
  "rejected",
  "lentBy",
  "lentAt",
  "receivedAt",
  "dueOn",
  "renewals",
  "returnedAt",
  "returnedTo",
  "returnedState",
  "overdue",
  "voidedAt",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export type RegisterLabels = {
  sheetName: string;
  headers: Record<ExportColumn, string>;
  status: (s: RegisterRow["status"]) => string;
  borrowType: (t: RegisterRow["borrowType"]) => string;
  secretTitle: string;
  complete: string;
  incomplete: (notes: string) => string;
  overdueDays: (days: number) => string;
  returnedLate: string;
  renewalPending: string;
};

/** The column headers and words of the file in the user's language (the register's catalogue). */
export function registerLabels(locale: Locale): RegisterLabels {
  const t = translatorFor(locale);
  const headers = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, t(`register.export.${c}`)])) as Record<ExportColumn, string>;
  return {
    sheetName: t("register.export.sheetName"),
    headers,
    status: (s) => t(`borrowStatus.${s}`),
    borrowType: (x) => t(`borrowType.${x}`),
    secretTitle: t("register.secretTitle"),
    complete: t("register.returnComplete"),
    incomplete: (notes) => t("register.export.incompleteWith", { notes }),
    overdueDays: (days) => t("register.overdueDays", { days }),
    returnedLate: t("register.returnedLate"),
    renewalPending: t("register.renewalPending"),
  };
}

const when = (d: Date | null) => formatShanghai(d);

/** Header row and one row of text cells per loan. */
export function registerTable(rows: readonly RegisterRow[], l: RegisterLabels): string[][] {
  const body = rows.map((r) => {
    const missing = r.records.filter((i) => i.returnCheck === "incomplete").map((i) => `${i.archiveNo}${i.returnNote ? ` ${i.returnNote}` : ""}`);
    const cells: Record<ExportColumn, string> = {
      requestNo: r.requestNo,
      borrower: r.borrower,
      borrowType: l.borrowType(r.borrowType),
      status: l.status(r.status),
      archiveNos: r.records.map((i) => i.archiveNo).join("\n"),
      titles: r.records.map((i) => i.title ?? l.secretTitle).join("\n"),
      purpose: r.purpose,
      requestedAt: when(r.requestedAt),
      approvedBy: r.approvedBy ?? "",
      approvedAt: when(r.approvedAt),
      secondApprovedBy: r.secondApprovedBy ?? "",
      rejected: r.rejectedBy ? `${r.rejectedBy} ${when(r.rejectedAt)}${r.rejectComment ? `：${r.rejectComment}` : ""}` : "",
      lentBy: r.lentBy ?? "",
      lentAt: when(r.lentAt),
      receivedAt: when(r.receivedAt),
      dueOn: r.dueOn,
      renewals: r.renewalCount > 0 || r.renewalPending ? `${r.renewalCount}${r.renewalPending ? ` ${l.renewalPending}` : ""}` : "",
      returnedAt: when(r.returnedAt),
      returnedTo: r.returnedTo ?? "",
      returnedState: r.returnedState === "complete" ? l.complete : r.returnedState === "incomplete" ? l.incomplete(missing.join("；")) : "",
      overdue: r.overdueDays > 0 ? l.overdueDays(r.overdueDays) : r.returnedLate ? l.returnedLate : "",
      voidedAt: when(r.voidedAt),
    };
    return EXPORT_COLUMNS.map((c) => cells[c]);
  });
  return [EXPORT_COLUMNS.map((c) => l.headers[c]), ...body];
}

/** The register as CSV (the one writer: server/domain/export/csv.ts). */
export function toCsv(table: readonly (readonly string[])[]): Buffer {
  return Buffer.from(csvText(table), "utf8");
}

const WIDTH: Partial<Record<number, number>> = { 0: 15, 4: 18, 5: 30, 6: 28, 11: 26, 19: 24 };

/** One sheet: bold frozen header with a filter, text cells (no date or number guessing), wrapped lists. */
export async function toXlsx(table: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0); // reproducible files: the export time is in the name and the audit log
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  const [header = [], ...rows] = table;
  ws.columns = header.map((h, i) => ({ header: h, width: WIDTH[i] ?? Math.max(10, h.length * 2 + 2) }));
  for (const row of rows) ws.addRow(row.map(neutraliseFormula));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, header.length) } };
  for (let c = 1; c <= header.length; c++) ws.getColumn(c).alignment = { vertical: "top", wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `借阅登记表-20260302-1015.xlsx` (Shanghai time of the export). */
export function registerFileName(sheetName: string, now: Date, format: ExportFormat): string {
  return `${sheetName}-${formatShanghai(now, "yyyyMMdd-HHmm")}.${format}`;
}

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
