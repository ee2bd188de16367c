import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAll } from "../../prisma/seed/index";
import { seedContacts } from "../../prisma/seed/contacts";
import { DomainError } from "../../server/domain/errors";
import { PrintPool } from "../../server/print/browser-pool";
import { contactReportForm } from "../../server/print/forms/contact-report";
import { printPdf, type PrintActor } from "../../server/print/print.service";
import { companyName } from "../../server/print/print-config";
import { getReport } from "../../server/domain/contacts/reports.service";
import { reportTable } from "../../server/domain/contacts/report-export";
import { statsCsv, statsXlsx } from "../../server/domain/complaints/stats.service";
import { useTestDatabase } from "./helpers";
import { pdfPages, pdfText, saveSample, startPrintOrigin, type PrintOrigin } from "./print-origin";

// 客户来电来访情况 (issue 9 §2): the signed monthly report from the demo seed printed through
// Chromium and read back; who may print it; the CSV/XLSX export carries the same figures.
const t = useTestDatabase();
const SECRET = crypto.randomBytes(32).toString("base64url");
let origin: PrintOrigin;
let pool: PrintPool;
let monthly: Awaited<ReturnType<typeof getReport>>;

async function actor(loginName: string): Promise<PrintActor> {
  const u = await t.db.user.findUniqueOrThrow({ where: { loginName }, select: { id: true, displayName: true, roles: { select: { role: true } } } });
  return { id: u.id, name: u.displayName, roles: u.roles.map((r) => r.role), ip: "127.0.0.1" };
}

beforeAll(async () => {
  await seedAll(t.db);
  const seeded = await seedContacts(t.db);
  expect(seeded.contacts).toBeGreaterThan(100);
  const row = await t.db.contactReport.findFirstOrThrow({ where: { kind: "monthly", status: "signed" }, select: { id: true } });
  monthly = await getReport(t.db, row.id);
  origin = await startPrintOrigin(t.db, SECRET);
  pool = new PrintPool({ maxPages: 1, renderTimeoutMs: 120_000, queueTimeoutMs: 300_000, launchTimeoutMs: 60_000 });
}, 180_000);

afterAll(async () => {
  await pool?.close();
  await origin?.close();
});

describe("来电来访情况 printed", () => {
  it("the signed monthly report: letterhead, title, period, figures, the specialist's signature lines", async () => {
    const { pdf, fileName } = await printPdf(t.db, await actor("staff"), contactReportForm, [monthly.id], { pool });
    const file = saveSample("contact-report-monthly", pdf);
    expect(fileName).toContain("客户来电来访情况月报");
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    for (const s of [companyName(), "客户来电来访情况月报", monthly.periodKey, "已签字", "王丽娜", "来电来访总数", "按事由", "办证", "受理投诉", "客服专员", "部门经理"]) expect(text).toContain(s);
    expect(text).toMatch(new RegExp(`来电来访总数\\s+${monthly.figures.contacts.total}\\b`));
    expect(await t.db.auditLog.count({ where: { action: "print.form", entityId: monthly.id } })).toBe(1);
  });

  it("is for the department and the auditor; the archivist is refused", async () => {
    const refused = await printPdf(t.db, await actor("archivist"), contactReportForm, [monthly.id], { pool }).then(
      () => null,
      (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
    );
    expect(refused).toBe("FORBIDDEN");
  });
});

describe("来电来访情况 exported", () => {
  it("CSV and XLSX rows carry the frozen figures in the user's language", async () => {
    const table = reportTable(monthly, "zh-CN");
    const csv = statsCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(`来电来访,来电来访总数,${monthly.figures.contacts.total}`);
    expect(csv).toContain(`按方式,来访,${monthly.figures.contacts.byChannel.visit}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await statsXlsx(table, "来电来访情况")) as never);
    const rows = wb.getWorksheet("来电来访情况")!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(["投诉", "受理投诉", monthly.figures.complaints.received]);
    expect(reportTable(monthly, "en")[3]).toEqual(["Calls & visits", "Calls and visits", String(monthly.figures.contacts.total)]);
  });
});
