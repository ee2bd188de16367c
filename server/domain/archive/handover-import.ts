import ExcelJS from "exceljs";
import { DomainError } from "../errors";
import { MAX_HANDOVER_LINES, MAX_IMPORT_BYTES } from "./handover.schema";

// Reading a 移交清单 file (XLSX from Excel/WPS, or CSV) into rows, and the checks that need no
// database. Columns: 楼号, 房号, 客户姓名, 资料名称, 份数 (or building, unit, client, document, count).

export const IMPORT_COLUMNS = ["building", "unit", "client", "document", "count"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const HEADER_ZH: Record<ImportColumn, string> = { building: "楼号", unit: "房号", client: "客户姓名", document: "资料名称", count: "份数" };

const HEADER_ALIASES: Record<string, ImportColumn> = {
  楼号: "building",
  楼栋: "building",
  building: "building",
  房号: "unit",
  unit: "unit",
  客户姓名: "client",
  客户: "client",
  client: "client",
  资料名称: "document",
  document: "document",
  份数: "count",
  count: "count",
};

/** One data row as written in the file; `rowNo` is the spreadsheet's row number (header = 1). */
export type RawRow = { rowNo: number } & Record<ImportColumn, string>;

export type RowErrorCode = "buildingEmpty" | "unitEmpty" | "clientEmpty" | "documentEmpty" | "countInvalid" | "duplicate" | "buildingUnknown" | "unitUnknown";
export type RowError = { rowNo: number; code: RowErrorCode; params: Record<string, string | number> };

export type ValidRow = { rowNo: number; building: string; unit: string; clientName: string; documentName: string; expectedCount: number };

/** XLSX by content (a zip starts with PK\3\4), otherwise CSV text; the name is not trusted. */
export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<RawRow[]> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new DomainError("HANDOVER_FILE_TOO_LARGE", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const table = isZip ? await xlsxTable(bytes, fileName) : csvTable(decodeText(bytes, fileName));
  return rowsOf(table);
}

async function xlsxTable(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainError("HANDOVER_FILE_UNREADABLE", { fileName });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError("HANDOVER_FILE_EMPTY");
  const table: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (r) => Array.from(r ?? [], (c) => c ?? ""));
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  // Rich text, hyperlinks and formulas: what Excel shows.
  return cell.text ?? "";
}

/** UTF-8 (with or without BOM); Excel and WPS in China save CSV as GBK, so fall back to GB18030. */
function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.includes(0)) throw new DomainError("HANDOVER_FILE_UNREADABLE", { fileName });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw new DomainError("HANDOVER_FILE_UNREADABLE", { fileName });
    }
  }
}

/** RFC 4180: commas (or tabs, when the header has no comma), quotes, doubled quotes, CRLF. */
export function csvTable(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const sep = !firstLine.includes(",") && firstLine.includes("\t") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function rowsOf(table: string[][]): RawRow[] {
  const headerIdx = table.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIdx < 0) throw new DomainError("HANDOVER_FILE_EMPTY");
  const header = table[headerIdx]!;
  const colOf = new Map<ImportColumn, number>();
  header.forEach((h, i) => {
    const col = HEADER_ALIASES[h.replace(/\s+/g, "").toLowerCase()];
    if (col && !colOf.has(col)) colOf.set(col, i);
  });
  const missing = IMPORT_COLUMNS.filter((c) => !colOf.has(c));
  if (missing.length) throw new DomainError("HANDOVER_FILE_HEADERS", { missing: missing.map((c) => HEADER_ZH[c]).join("、") });

  const rows: RawRow[] = [];
  for (let i = headerIdx + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (cells.every((c) => c.trim() === "")) continue;
    const get = (c: ImportColumn) => (cells[colOf.get(c)!] ?? "").trim();
    rows.push({ rowNo: i + 1, building: get("building"), unit: get("unit"), client: get("client"), document: get("document"), count: get("count") });
  }
  if (rows.length === 0) throw new DomainError("HANDOVER_FILE_EMPTY");
  if (rows.length > MAX_HANDOVER_LINES) throw new DomainError("HANDOVER_FILE_TOO_MANY_ROWS", { max: MAX_HANDOVER_LINES });
  return rows;
}

/** Every check that needs no database, on every row (all errors are reported, not the first). */
export function validateRows(rows: readonly RawRow[]): { valid: ValidRow[]; errors: RowError[] } {
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const firstSeen = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    if (!r.building) errors.push({ rowNo: r.rowNo, code: "buildingEmpty", params: {} });
    if (!r.unit) errors.push({ rowNo: r.rowNo, code: "unitEmpty", params: {} });
    if (!r.client) errors.push({ rowNo: r.rowNo, code: "clientEmpty", params: {} });
    if (!r.document) errors.push({ rowNo: r.rowNo, code: "documentEmpty", params: {} });
    const count = /^\d{1,3}$/.test(r.count) ? Number(r.count) : NaN;
    if (!(count >= 1)) errors.push({ rowNo: r.rowNo, code: "countInvalid", params: { value: r.count || "（空）" } });
    if (errors.length > before) continue;
    if (r.client.length > 100 || r.document.length > 100) {
      errors.push({ rowNo: r.rowNo, code: r.client.length > 100 ? "clientEmpty" : "documentEmpty", params: {} });
      continue;
    }
    const key = [normaliseBuilding(r.building), normaliseUnit(r.unit), r.client, r.document].join("\u0000");
    const first = firstSeen.get(key);
    if (first !== undefined) {
      errors.push({ rowNo: r.rowNo, code: "duplicate", params: { first } });
      continue;
    }
    firstSeen.set(key, r.rowNo);
    valid.push({ rowNo: r.rowNo, building: r.building, unit: r.unit, clientName: r.client, documentName: r.document, expectedCount: count });
  }
  return { valid, errors };
}

/** `1`, `1栋`, `1号楼`, `1幢`, `1座` all name building code 1. */
export function normaliseBuilding(s: string): string {
  return s.trim().replace(/\s+/g, "").replace(/(号楼|栋|幢|座|号)$/, "").toUpperCase();
}

/** Excel turns 房号 0101 into the number 101: compare digit-only numbers by value. */
export function normaliseUnit(s: string): string {
  const t = s.trim().replace(/\s+/g, "").replace(/(室|房)$/, "").toUpperCase();
  return /^\d+$/.test(t) ? String(Number(t)) : t;
}

/** The template users download: the headers and one example row. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("移交清单");
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: HEADER_ZH[c], key: c, width: c === "document" ? 32 : 14 }));
  // 房号 as text, so Excel keeps the leading zero of 0101.
  ws.getColumn("unit").numFmt = "@";
  ws.addRow({ building: "1栋", unit: "0101", client: "张三", document: "商品房买卖合同（正、副本，备案）", count: 2 });
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
