import ExcelJS from "exceljs";
import type { Db } from "../../db/client";
import type { Viewer } from "./appraisal.policy";
import { monthlyRecordRows } from "./statistics.service";
import { yearEndTable } from "./year-end.service";
import { csvText } from "../export/csv";

// CSV/XLSX of the record tables (员工月绩效考核记录表, 年度员工绩效考核情况统计表): the same rows
// the pages show, for this viewer only. Headings are Chinese, as on the paper forms.

export type ExportTable = { title: string; fileName: string; header: string[]; rows: (string | number)[][] };

const STATUS: Record<string, string> = { draft: "草稿", scored: "已评分", confirmed: "已确认", finalised: "已定稿" };
const PART: Record<string, string> = { checks: "周检/月检", monthly: "月考核", yearEnd: "年终考评" };

export async function monthlyRecordTable(db: Db, v: Viewer, year: number, month: number): Promise<ExportTable> {
  const rows = await monthlyRecordRows(db, v, { year, month });
  const period = `${year}-${String(month).padStart(2, "0")}`;
  return {
    title: `员工月绩效考核记录表 ${period}`,
    fileName: `员工月绩效考核记录表-${period}`,
    header: ["姓名", "部门", "考核期", "德", "勤", "能", "绩", "评分", "惩罚", "嘉奖", "总分", "状态", "备注"],
    rows: rows.map((r) => [r.employee, r.department, r.period, r.de, r.qin, r.neng, r.ji, r.base, r.penalty, r.commendation, r.total, STATUS[r.status] ?? r.status, r.superseded ? "已被更正" : r.isCorrection ? "更正记录" : ""]),
  };
}

export async function annualTable(db: Db, v: Viewer, year: number): Promise<ExportTable> {
  const t = await yearEndTable(db, v, year);
  return {
    title: `年度员工绩效考核情况统计表 ${year}`,
    fileName: `年度员工绩效考核情况统计表-${year}`,
    header: ["名次", "姓名", "部门", ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), "周检/月检均分", "月考核均分", "年终考评", "年终总分", "优秀员工", "未定稿"],
    rows: t.rows.map((r) => [
      r.rank ?? "",
      r.employee.name,
      r.employee.department ?? "",
      ...r.months.map((m) => m ?? ""),
      r.formula.checksMean ?? "缺",
      r.formula.monthlyMean ?? "缺",
      r.formula.yearEnd ?? "缺",
      r.formula.total ?? `缺少：${r.formula.missing.map((p) => PART[p]).join("、")}`,
      r.formula.outstanding ? "是" : "",
      r.pending || "",
    ]),
  };
}

/** The table as CSV (the one writer: server/domain/export/csv.ts). */
export function toCsv(table: ExportTable): string {
  return csvText([table.header, ...table.rows]);
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, " "));
  ws.addRow([table.title]).font = { bold: true, size: 14 };
  ws.addRow(table.header).font = { bold: true };
  // Scores go in as numbers (so the sheet can sum them), the rest as text.
  for (const r of table.rows) ws.addRow(r.map((v) => (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
  ws.columns.forEach((c) => (c.width = 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
