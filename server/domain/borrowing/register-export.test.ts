import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, registerFileName, registerLabels, registerTable, toCsv, toXlsx } from "./register-export";
import { neutraliseFormula } from "../export/csv";
import { filtersFromParams, paramsOfFilters } from "./register.schema";
import type { RegisterRow } from "./register.service";

const at = (iso: string) => new Date(iso);

function row(over: Partial<RegisterRow> = {}): RegisterRow {
  return {
    id: "r1",
    requestNo: "JY-2026-0007",
    borrower: "王丽娜",
    borrowerLogin: "staff",
    borrowType: "takeaway",
    purpose: "核对签约资料, 复印 \"补充协议\"",
    status: "returned",
    records: [
      { id: "a", archiveNo: "KH-2026-000001", title: "1栋0101 张三 客户信息档案", secret: false, returnCheck: "complete", returnNote: null },
      { id: "b", archiveNo: "KH-2026-000002", title: null, secret: true, returnCheck: "incomplete", returnNote: "缺第3页" },
    ],
    approvedBy: "赵建国",
    approvedAt: at("2026-03-02T02:00:00Z"),
    approvalComment: null,
    needsSecondApproval: true,
    secondApprovedBy: "吴刚",
    secondApprovedAt: at("2026-03-02T03:00:00Z"),
    rejectedBy: null,
    rejectedAt: null,
    rejectComment: null,
    withdrawnAt: null,
    requestedAt: at("2026-03-01T16:30:00Z"), // 2026-03-02 00:30 in Shanghai
    lentBy: "陈静",
    lentAt: at("2026-03-02T05:00:00Z"),
    receivedAt: at("2026-03-02T05:05:00Z"),
    dueOn: "2026-03-09",
    returnedTo: "陈静",
    returnedAt: at("2026-03-10T08:00:00Z"),
    voidedAt: at("2026-03-10T08:00:00Z"),
    returnedState: "incomplete",
    renewalCount: 1,
    renewalPending: false,
    overdueDays: 0,
    returnedLate: true,
    ...over,
  };
}

const zh = registerLabels("zh-CN");

describe("registerTable", () => {
  it("writes one line per slip in Shanghai time, records one per line, 机密 titles hidden, the returned state with its notes", () => {
    const [header, line] = registerTable([row()], zh);
    expect(header).toHaveLength(EXPORT_COLUMNS.length);
    const cell = (name: string) => line![header!.indexOf(name)];
    expect(cell("借出单号")).toBe("JY-2026-0007");
    expect(cell("借阅类型")).toBe("借出");
    expect(cell("状态")).toBe("已归还");
    expect(cell("档号")).toBe("KH-2026-000001\nKH-2026-000002");
    expect(cell("档案题名")).toBe("1栋0101 张三 客户信息档案\n（机密档案，题名不显示）");
    expect(cell("申请时间")).toBe("2026-03-02 00:30");
    expect(cell("复核人")).toBe("吴刚");
    expect(cell("应还日期")).toBe("2026-03-09");
    expect(cell("续借次数")).toBe("1");
    expect(cell("归还情况")).toBe("缺页/缺件：KH-2026-000002 缺第3页");
    expect(cell("逾期")).toBe("逾期归还");
  });

  it("leaves the steps not taken empty and says how long an open loan is overdue", () => {
    const [header, line] = registerTable([row({ status: "lent", returnedAt: null, returnedTo: null, voidedAt: null, returnedState: null, returnedLate: false, overdueDays: 3, renewalCount: 0, renewalPending: true })], zh);
    const cell = (name: string) => line![header!.indexOf(name)];
    expect(cell("归还时间")).toBe("");
    expect(cell("归还情况")).toBe("");
    expect(cell("逾期")).toBe("逾期 3 天");
    expect(cell("续借次数")).toBe("0 续借待批");
    const [, rejected] = registerTable([row({ status: "rejected", rejectedBy: "赵建国", rejectedAt: at("2026-03-02T02:00:00Z"), rejectComment: "用途不明" })], zh);
    expect(rejected![header!.indexOf("驳回")]).toBe("赵建国 2026-03-02 10:00：用途不明");
  });

  it("has the English headers in English", () => {
    const [header] = registerTable([], registerLabels("en"));
    expect(header![0]).toBe("Slip no.");
    expect(header!.join("")).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("neutraliseFormula", () => {
  it("prefixes what a spreadsheet would evaluate, nothing else", () => {
    expect(neutraliseFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutraliseFormula("+86 138")).toBe("'+86 138");
    expect(neutraliseFormula("-1+1")).toBe("'-1+1");
    expect(neutraliseFormula("-1")).toBe("-1"); // a plain number is no formula
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("2026-03-02 10:00")).toBe("2026-03-02 10:00");
    expect(neutraliseFormula("核对 = 复印")).toBe("核对 = 复印");
  });
});

describe("toCsv", () => {
  it("is UTF-8 with a BOM, CRLF lines, quotes where needed and formulas neutralised", () => {
    const buf = toCsv([["借出单号", "用途"], ["JY-2026-0001", "a,b \"c\"\n第二行"], ["JY-2026-0002", "=1+1"]]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.subarray(3).toString("utf8")).toBe('借出单号,用途\r\nJY-2026-0001,"a,b ""c""\n第二行"\r\nJY-2026-0002,\'=1+1\r\n');
  });
});

describe("toXlsx", () => {
  it("reads back with exceljs: the sheet, the bold frozen header, text cells with line breaks", async () => {
    const table = registerTable([row(), row({ requestNo: "JY-2026-0008", purpose: "=cmd|' /C calc'!A0" })], zh);
    const buf = await toXlsx(table, zh.sheetName);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("借阅登记表")!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("A2").value).toBe("JY-2026-0007");
    expect(ws.getCell("E2").value).toBe("KH-2026-000001\nKH-2026-000002");
    expect(ws.getCell("G3").value).toBe("'=cmd|' /C calc'!A0");
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
  });
});

describe("file name and filters in links", () => {
  it("names the file by the Shanghai time of the export", () => {
    expect(registerFileName("借阅登记表", at("2026-03-01T16:05:00Z"), "xlsx")).toBe("借阅登记表-20260302-0005.xlsx");
  });

  it("reads filters from a link, drops what is malformed and round-trips", () => {
    const f = filtersFromParams({ from: "2026-03-31", to: "2026-03-01", status: "lent", overdue: "1", sort: "dueOn", dir: "asc", borrower: " 王 ", page: "2", periodOf: "bogus" });
    expect(f).toMatchObject({ from: "2026-03-01", to: "2026-03-31", status: "lent", overdueOnly: true, sort: "dueOn", dir: "asc", borrower: "王", page: 2, periodOf: "requested" });
    expect(filtersFromParams({ status: "lost", from: "2026-13-45", to: "2026-02-30", sort: "x" })).toMatchObject({ status: undefined, from: undefined, to: undefined, sort: "requestedAt", dir: "desc", page: 1 });
    const { page: _p, ...back } = f;
    expect(filtersFromParams(paramsOfFilters(back))).toEqual(f.page === 1 ? f : { ...f, page: 1 });
  });
});
