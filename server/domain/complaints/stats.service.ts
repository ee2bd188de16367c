import ExcelJS from "exceljs";
import type { Db } from "../../db/client";
import { DomainError } from "../errors";
import { endOfShanghaiDay, startOfShanghaiDay } from "../time";
import { translatorFor } from "../../i18n/translate";
import type { Locale } from "../../i18n/config";
import { ZStatsRange, type TStatsRange } from "./complaints.schema";
import { statsOf, type ComplaintStats } from "./stats";
import { complaintGroups } from "./stats.read";
import { namesOf } from "./shared";
import { csvText } from "../export/csv";

// 投诉统计 for a period of Shanghai days (by time of receipt): the database adds the period up
// (stats.read.ts), stats.ts names the groups; the same figures go to the page and to the CSV /
// XLSX export.

const MAX_DAYS = 3660;

export async function complaintStats(db: Db, raw: TStatsRange, now = new Date()): Promise<ComplaintStats & { from: string; to: string }> {
  const input = ZStatsRange.parse(raw);
  const from = startOfShanghaiDay(input.from);
  const to = endOfShanghaiDay(input.to);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw new DomainError("BAD_INPUT");
  const groups = await complaintGroups(db, input, from, to, now);
  const ids = (key: "categoryId" | "receivedById") => groups.groups.map((r) => r[key]).filter((id): id is string => !!id);
  const [categories, names] = await Promise.all([
    db.complaintCategory.findMany({ where: { id: { in: ids("categoryId") } }, select: { id: true, name: true } }),
    namesOf(db, ids("receivedById")),
  ]);
  const stats = statsOf(groups, new Map(categories.map((c) => [c.id, c.name])), names);
  return { ...stats, from: input.from, to: input.to };
}

/** The statistics as table rows (section, item, value), in the user's language. */
export function statsTable(s: ComplaintStats & { from: string; to: string }, locale: Locale): string[][] {
  const t = translatorFor(locale);
  const rateText = (r: { num: number; den: number; percent: string | null }) => (r.percent === null ? "—" : `${r.percent}% (${r.num}/${r.den})`);
  const rows: string[][] = [[t("complaintStats.name"), "", t("complaintStats.count")]];
  rows.push([`${s.from} ~ ${s.to}`, t("complaintStats.total"), String(s.total)]);
  for (const k of ["onTimeReply", "onTimeProgress", "callbackRate", "onTimeCallback", "repairCallbackRate"] as const) rows.push([t(`complaintStats.${k}`), "", rateText(s[k])]);
  const section = (title: string, items: { name: string; count: number }[], label: (n: string) => string = (n) => n) => {
    for (const i of items) rows.push([title, label(i.name), String(i.count)]);
  };
  section(t("complaintStats.byCategory"), s.byCategory);
  section(t("complaintStats.byChannel"), s.byChannel, (n) => t(`complaints.channels.${n as "phone"}`));
  section(t("complaintStats.bySeverity"), s.bySeverity, (n) => t(`complaints.severities.${n as "normal"}`));
  section(t("complaintStats.byPerson"), s.byPerson);
  section(t("complaintStats.byMonth"), s.byMonth);
  section(t("complaintStats.satisfaction"), s.satisfaction, (n) => t(`complaints.satisfactions.${n as "satisfied"}`));
  return rows;
}

/** The statistics as CSV (the one writer: server/domain/export/csv.ts; formulas neutralised). */
export function statsCsv(table: string[][]): string {
  return csvText(table);
}

export async function statsXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  for (const r of table) ws.addRow(r.map((v, i) => (i === 2 && /^\d+$/.test(v) ? Number(v) : v)));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 24 : 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
