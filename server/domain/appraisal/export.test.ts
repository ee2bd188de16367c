import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv, toXlsx, type ExportTable } from "./export";

const table: ExportTable = { title: "员工月绩效考核记录表 2026-03", fileName: "x", header: ["姓名", "总分", "备注"], rows: [["王丽娜", "104.50", '说"好",'], ["=HYPERLINK()", "-3.00", ""]] };

describe("appraisal exports", () => {
  it("CSV: BOM, quoting, no formula injection, negative numbers kept", () => {
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFF姓名,总分,备注\r\n")).toBe(true);
    expect(csv).toContain('王丽娜,104.50,"说""好"","\r\n');
    expect(csv).toContain("'=HYPERLINK(),-3.00,\r\n");
  });

  it("XLSX: title row, header, scores as numbers", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe("员工月绩效考核记录表 2026-03");
    expect(ws.getRow(2).values).toEqual([undefined, "姓名", "总分", "备注"]);
    expect(ws.getRow(3).getCell(2).value).toBe(104.5);
  });
});
