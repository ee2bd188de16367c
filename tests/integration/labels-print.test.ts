import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAll } from "../../prisma/seed/index";
import { DomainError } from "../../server/domain/errors";
import { PrintPool } from "../../server/print/browser-pool";
import { labelsForm } from "../../server/print/forms/labels";
import { printPdf, type PrintActor } from "../../server/print/print.service";
import { signPrintToken } from "../../server/print/print-token";
import { portalBaseUrl } from "../../server/print/print-config";
import { createLabelSheet } from "../../server/domain/labels/label-sheets.service";
import { getBox } from "../../server/domain/labels/boxes.service";
import { rangeOf } from "../../server/domain/labels/label-grid";
import { useTestDatabase } from "./helpers";
import { pdfPageSize, pdfPages, pdfText, saveSample, startPrintOrigin, type PrintOrigin } from "./print-origin";

// 标签页 (issue 10 §3) rendered through Chromium from the demo seed and read back with pdftotext:
// the grid decides the page count, each box label carries its 档号 range and location, and the
// QR code encodes the box page's URL.
const t = useTestDatabase();
const SECRET = crypto.randomBytes(32).toString("base64url");
let origin: PrintOrigin;
let pool: PrintPool;
let archivist: PrintActor & { id: string };
let staff: PrintActor;
let boxIds: string[];

async function actor(loginName: string) {
  const u = await t.db.user.findUniqueOrThrow({ where: { loginName }, select: { id: true, displayName: true, roles: { select: { role: true } } } });
  return { id: u.id, name: u.displayName, roles: u.roles.map((r) => r.role), ip: "127.0.0.1" };
}
const deps = () => ({ pool, origin: origin.origin, secret: SECRET });

beforeAll(async () => {
  await seedAll(t.db);
  origin = await startPrintOrigin(t.db, SECRET);
  pool = new PrintPool({ maxPages: 2, renderTimeoutMs: 120_000, queueTimeoutMs: 300_000, launchTimeoutMs: 60_000 });
  archivist = await actor("archivist");
  staff = await actor("staff");
  boxIds = (await t.db.storageBox.findMany({ orderBy: { code: "asc" }, take: 30, select: { id: true } })).map((b) => b.id);
}, 180_000);

afterAll(async () => {
  await pool?.close();
  await origin?.close();
});

describe("label sheets", () => {
  it("the seed's records are in boxes, and the seed's stock-take is kept once", async () => {
    expect(boxIds.length).toBe(30);
    const takes = await t.db.stockTake.findMany({ select: { status: true, presentCount: true, missingCount: true, _count: { select: { lines: true } } } });
    expect(takes).toHaveLength(1);
    expect(takes[0]).toMatchObject({ status: "finished", missingCount: 1 });
    expect(takes[0]!._count.lines).toBe(takes[0]!.presentCount + 1);
    expect((await seedAll(t.db)).labels).toBe(0);
  });

  it("30 box labels on a 3×8 grid are 2 A4 pages; the first label shows its box's 档号 range, classes and location", async () => {
    const sheet = await createLabelSheet(t.db, archivist, { kind: "box", targetIds: boxIds, columns: 3, rows: 8, marginMm: 8, gapMm: 2 });
    expect(sheet.sheetNo).toMatch(/^BQ-\d{4}-\d{4}$/);
    const { pdf, fileName } = await printPdf(t.db, archivist, labelsForm, [sheet.id], deps());
    const file = saveSample("labels-3x8", pdf);
    expect(fileName).toBe(`档案盒标签-${sheet.sheetNo}.pdf`);
    expect(pdfPages(file)).toBe(2);
    expect(pdfPageSize(file)).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const first = await getBox(t.db, archivist.roles, boxIds[0]!);
    const p1 = pdfText(file, 1);
    expect(p1).toContain(first.code);
    // The range may wrap in the label; its two ends are both printed.
    for (const no of rangeOf(first.records.map((r) => r.archiveNo))!.split(" ~ ")) expect(p1).toContain(no);
    const last = await getBox(t.db, archivist.roles, boxIds[29]!);
    expect(pdfText(file, 2)).toContain(last.code);
    expect(p1).not.toContain(last.code);
  });

  it("the same 30 boxes on a 2×5 grid are 3 pages; one print entry for the sheet", async () => {
    const sheet = await createLabelSheet(t.db, archivist, { kind: "box", targetIds: boxIds, columns: 2, rows: 5, marginMm: 10, gapMm: 4 });
    const before = await t.db.auditLog.count({ where: { action: "print.form", entityId: sheet.id } });
    const { pdf } = await printPdf(t.db, archivist, labelsForm, [sheet.id], deps());
    expect(pdfPages(saveSample("labels-2x5", pdf))).toBe(3);
    expect(await t.db.auditLog.count({ where: { action: "print.form", entityId: sheet.id } })).toBe(before + 1);
  });

  it("each label's QR code encodes its box page (or, for a folder, the unit page)", async () => {
    const sheet = await createLabelSheet(t.db, archivist, { kind: "box", targetIds: boxIds.slice(0, 2), columns: 2, rows: 5, marginMm: 10, gapMm: 4 });
    const token = signPrintToken(SECRET, { form: "labels", ids: [sheet.id], userId: archivist.id });
    const html = await (await fetch(`${origin.origin}/print/labels/${sheet.id}?t=${token}`)).text();
    const links = [...html.matchAll(/data-label-link="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(boxIds.slice(0, 2).map((id) => `${portalBaseUrl()}/archive/boxes/${id}`));
    expect((html.match(/<svg/g) ?? []).length).toBe(2);

    const rec = await t.db.archiveRecord.findFirstOrThrow({ where: { unitId: { not: null } }, select: { id: true, archiveNo: true, unitId: true } });
    const folder = await createLabelSheet(t.db, archivist, { kind: "folder", targetIds: [rec.id], columns: 2, rows: 5, marginMm: 10, gapMm: 4 });
    const ftoken = signPrintToken(SECRET, { form: "labels", ids: [folder.id], userId: archivist.id });
    const fhtml = await (await fetch(`${origin.origin}/print/labels/${folder.id}?t=${ftoken}`)).text();
    expect(fhtml).toContain(`data-label-link="${portalBaseUrl()}/units/${rec.unitId}"`);
    const { pdf } = await printPdf(t.db, archivist, labelsForm, [folder.id], deps());
    const file = saveSample("labels-folder", pdf);
    expect(pdfPages(file)).toBe(1);
    expect(pdfText(file)).toContain(rec.archiveNo);
  });

  it("refuses a grid too dense for a QR code, and staff may not print labels", async () => {
    await expect(createLabelSheet(t.db, archivist, { kind: "box", targetIds: boxIds.slice(0, 1), columns: 6, rows: 12, marginMm: 10, gapMm: 2 })).rejects.toMatchObject({ code: "LABEL_GRID_TOO_DENSE" });
    const sheet = await createLabelSheet(t.db, archivist, { kind: "box", targetIds: boxIds.slice(0, 1), columns: 2, rows: 5, marginMm: 10, gapMm: 4 });
    await expect(printPdf(t.db, staff, labelsForm, [sheet.id], deps())).rejects.toBeInstanceOf(DomainError);
  });
});
