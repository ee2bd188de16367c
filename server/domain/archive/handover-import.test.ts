import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { DomainError } from "../errors";
import { csvTable, normaliseBuilding, normaliseUnit, readImportFile, templateWorkbook, validateRows } from "./handover-import";

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("清单");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const utf8 = (s: string) => new TextEncoder().encode(s);

async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, params: e.params };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("reading a 移交清单", () => {
  it("reads an XLSX with Chinese headers; 房号 typed as the number 101 stays readable", async () => {
    const rows = await readImportFile(
      await xlsx([
        ["楼号", "房号", "客户姓名", "资料名称", "份数"],
        ["1栋", "0101", "张三", "认购书", 1],
        [null, null, null, null, null],
        [1, 101, "张三", "商品房买卖合同（正、副本，备案）", 2],
      ]),
      "list.xlsx",
    );
    expect(rows).toEqual([
      { rowNo: 2, building: "1栋", unit: "0101", client: "张三", document: "认购书", count: "1" },
      { rowNo: 4, building: "1", unit: "101", client: "张三", document: "商品房买卖合同（正、副本，备案）", count: "2" },
    ]);
    expect(normaliseUnit("101")).toBe(normaliseUnit("0101"));
    expect(normaliseBuilding("1栋")).toBe(normaliseBuilding("1"));
    expect(normaliseBuilding("2号楼")).toBe("2");
  });

  it("reads a CSV with English headers in any order, quotes and a BOM, whatever the file is called", async () => {
    const csv = '\uFEFFcount,Client,building,unit,document\r\n2,"李, 四",2栋,0302,"合同 ""正本"""\r\n1,王五,2,0303,发票复印件\r\n';
    const rows = await readImportFile(utf8(csv), "list.xlsx");
    expect(rows).toEqual([
      { rowNo: 2, building: "2栋", unit: "0302", client: "李, 四", document: '合同 "正本"', count: "2" },
      { rowNo: 3, building: "2", unit: "0303", client: "王五", document: "发票复印件", count: "1" },
    ]);
  });

  it("reads a GBK CSV as Excel in China saves it", async () => {
    // "楼号,房号,客户姓名,资料名称,份数\n1,0101,张三,认购书,1" in GB18030.
    const gbk = Buffer.from(
      "c2a5bac52cb7bfbac52cbfcdbba7d0d5c3fb2cd7cac1cfc3fbb3c62cb7ddcafd0a312c303130312cd5c5c8fd2cc8cfb9bacae92c31",
      "hex",
    );
    const rows = await readImportFile(new Uint8Array(gbk), "list.csv");
    expect(rows).toEqual([{ rowNo: 2, building: "1", unit: "0101", client: "张三", document: "认购书", count: "1" }]);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const r = await refusal(readImportFile(utf8("楼号,房号,客户\n1,0101,张三"), "x.csv"));
    expect(r).toEqual({ code: "HANDOVER_FILE_HEADERS", params: { missing: "资料名称、份数" } });
  });
  it("refuses an empty file, a header-only file, a broken XLSX and binary junk", async () => {
    expect((await refusal(readImportFile(utf8(""), "x.csv"))).code).toBe("HANDOVER_FILE_EMPTY");
    expect((await refusal(readImportFile(utf8("楼号,房号,客户姓名,资料名称,份数\n,,,,\n"), "x.csv"))).code).toBe("HANDOVER_FILE_EMPTY");
    expect((await refusal(readImportFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "x.xlsx"))).code).toBe("HANDOVER_FILE_UNREADABLE");
    expect((await refusal(readImportFile(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x10]), "x.csv"))).code).toBe("HANDOVER_FILE_UNREADABLE");
  });

  it("splits CSV by tabs when the header has no comma (pasted from Excel)", () => {
    expect(csvTable("楼号\t房号\n1\t0101")).toEqual([
      ["楼号", "房号"],
      ["1", "0101"],
    ]);
  });
});

describe("validating rows", () => {
  const row = (rowNo: number, building: string, unit: string, client: string, document: string, count: string) => ({ rowNo, building, unit, client, document, count });
  it("reports every bad row, not only the first, and keeps the good ones", () => {
    const { valid, errors } = validateRows([
      row(2, "1", "0101", "张三", "认购书", "1"),
      row(3, "1", "0102", "", "认购书", "1"),
      row(4, "1", "0103", "李四", "认购书", "0"),
      row(5, "1", "0104", "王五", "认购书", "1.5"),
      row(6, "", "", "赵六", "", "两"),
      row(7, "1栋", "101", "张三", "认购书", "3"),
    ]);
    expect(valid.map((v) => v.rowNo)).toEqual([2]);
    expect(errors.map((e) => [e.rowNo, e.code])).toEqual([
      [3, "clientEmpty"],
      [4, "countInvalid"],
      [5, "countInvalid"],
      [6, "buildingEmpty"],
      [6, "unitEmpty"],
      [6, "documentEmpty"],
      [6, "countInvalid"],
      [7, "duplicate"],
    ]);
    expect(errors.at(-1)!.params).toEqual({ first: 2 });
    expect(errors[1]!.params).toEqual({ value: "0" });
  });
  it("accepts counts 1–999 only", () => {
    expect(validateRows([row(2, "1", "0101", "张三", "认购书", "999")]).errors).toEqual([]);
    expect(validateRows([row(2, "1", "0101", "张三", "认购书", "1000")]).errors[0]!.code).toBe("countInvalid");
    expect(validateRows([row(2, "1", "0101", "张三", "认购书", "-1")]).errors[0]!.code).toBe("countInvalid");
  });
});

describe("the template", () => {
  it("is an XLSX that the importer reads back: headers and one example row", async () => {
    const rows = await readImportFile(new Uint8Array(await templateWorkbook()), "template.xlsx");
    expect(rows).toEqual([{ rowNo: 2, building: "1栋", unit: "0101", client: "张三", document: "商品房买卖合同（正、副本，备案）", count: "2" }]);
  });
});
