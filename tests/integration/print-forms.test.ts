import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAll, DEMO_HANDOVER_NOTES, DEMO_WEEDING_REASON } from "../../prisma/seed/index";
import { DomainError } from "../../server/domain/errors";
import { PrintPool } from "../../server/print/browser-pool";
import { handoverListForm } from "../../server/print/forms/handover-list";
import { weedingListForm } from "../../server/print/forms/weeding-list";
import { borrowSlipForm } from "../../server/print/forms/borrow-slip";
import { createBorrowRequest } from "../../server/domain/borrowing/requests.service";
import { approveBorrowRequest } from "../../server/domain/borrowing/approvals.service";
import { lendLoan } from "../../server/domain/borrowing/loans.service";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { shanghaiDay } from "../../server/domain/time";
import { renderPdf } from "../../server/print/render-pdf";
import { printPdf, type PrintActor } from "../../server/print/print.service";
import { signPrintToken } from "../../server/print/print-token";
import { companyName } from "../../server/print/print-config";
import { useTestDatabase } from "./helpers";
import { pdfPageSize, pdfPages, pdfText, saveSample, startPrintOrigin, type PrintOrigin } from "./print-origin";

// Issue 8: every form rendered from the demo seed through Chromium, read back with pdftotext;
// the token and role rules; the pool's bounds (queue, timeout, missing binary, crash, restart).
const t = useTestDatabase();
const SECRET = crypto.randomBytes(32).toString("base64url");
let origin: PrintOrigin;
let pool: PrintPool;
const actors: Record<"archivist" | "manager" | "staff", PrintActor> = {} as never;
let longBatch: { id: string; batchNo: string };
let shortBatch: { id: string; batchNo: string };
let destroyList: { id: string; listNo: string };

/** The footer's "第 N 页 共 M 页" (pdftotext keeps or drops the thin spaces around the numbers). */
const pageOf = (n: number, m: number) => new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${m}\\s*页`);
const deps = () => ({ pool, origin: origin.origin, secret: SECRET });

async function actor(loginName: string): Promise<PrintActor> {
  const u = await t.db.user.findUniqueOrThrow({ where: { loginName }, select: { id: true, displayName: true, roles: { select: { role: true } } } });
  return { id: u.id, name: u.displayName, roles: u.roles.map((r) => r.role), ip: "127.0.0.1" };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  await seedAll(t.db);
  origin = await startPrintOrigin(t.db, SECRET);
  pool = new PrintPool({ maxPages: 2, renderTimeoutMs: 120_000, queueTimeoutMs: 300_000, launchTimeoutMs: 60_000 });
  actors.archivist = await actor("archivist");
  actors.manager = await actor("manager");
  actors.staff = await actor("staff");
  longBatch = await t.db.handoverBatch.findFirstOrThrow({ where: { note: DEMO_HANDOVER_NOTES.long }, select: { id: true, batchNo: true } });
  shortBatch = await t.db.handoverBatch.findFirstOrThrow({ where: { note: DEMO_HANDOVER_NOTES.short }, select: { id: true, batchNo: true } });
  destroyList = await t.db.weedingList.findFirstOrThrow({ where: { reason: DEMO_WEEDING_REASON }, select: { id: true, listNo: true } });
}, 180_000);

afterAll(async () => {
  await pool?.close();
  await origin?.close();
});

describe("forms from the demo seed", () => {
  it("移交清单 over two pages: letterhead, number, Chinese lines and check results, header repeated, 第 N 页 共 2 页", async () => {
    const { pdf, fileName } = await printPdf(t.db, actors.archivist, handoverListForm, [longBatch.id], deps());
    const file = saveSample("handover-long", pdf);
    expect(fileName).toBe(`客户档案移交清单-${longBatch.batchNo}.pdf`);
    expect(pdfPages(file)).toBe(2);
    expect(pdfPageSize(file)).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const p1 = pdfText(file, 1);
    const p2 = pdfText(file, 2);
    expect(p1).toContain(companyName());
    expect(p1).toContain("客户档案移交清单");
    expect(p1).toContain(longBatch.batchNo);
    expect(p1).toContain("华景园");
    expect(p1).toContain("营销部");
    expect(p1).toContain("商品房买卖合同");
    expect(p1).toContain("营销部未提供，待补交");
    expect(p1).toMatch(/共 45 行：已收到 \d+，缺失 \d+，有误 \d+，待核对 0/);
    expect(p1).toMatch(pageOf(1, 2));
    // The table header is repeated on the second page, and the signature lines end the form.
    for (const h of ["序号", "房号", "客户姓名", "资料名称", "核对结果"]) expect(p2).toContain(h);
    expect(p2).toMatch(pageOf(2, 2));
    expect(p2).toContain("接收人（档案管理员）签字");
    expect(p2).toMatch(/\b45\b/);
    // Every client of the batch is on the PDF.
    const names = await t.db.handoverItem.findMany({ where: { batchId: longBatch.id }, select: { clientName: true }, distinct: ["clientName"] });
    for (const n of names) expect(`${p1}${p2}`).toContain(n.clientName);
  });

  it("剔除/销毁清单 with the manager's approval on one page", async () => {
    const { pdf } = await printPdf(t.db, actors.manager, weedingListForm, [destroyList.id], deps());
    const file = saveSample("weeding-approved", pdf);
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    for (const s of ["档案剔除/销毁清单", destroyList.listNo, "华景园2012年楼书", "锦湖湾2014年宣传折页", "已销毁", "已批准销毁", "部门经理审批", "赵建国", "同意销毁", "陈静", "监销人签字"]) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(pageOf(1, 1));
  });

  it("借出单: the borrower prints their lent slip with the approval and the files; another staff member is refused", async () => {
    const records = await t.db.archiveRecord.findMany({ where: { status: "in_store", confidentiality: { not: "secret" } }, orderBy: { archiveNo: "asc" }, take: 2, select: { id: true, archiveNo: true, title: true } });
    const slip = await createBorrowRequest(t.db, actors.staff, { recordIds: records.map((r) => r.id), borrowType: "takeaway", purpose: "打印测试：核对签约资料", dueOn: addCalendarDays(shanghaiDay(new Date()), 5) });
    await approveBorrowRequest(t.db, actors.manager, { requestId: slip.id, comment: "同意" });
    await lendLoan(t.db, actors.archivist, slip.id);
    const { pdf } = await printPdf(t.db, actors.staff, borrowSlipForm, [slip.id], deps());
    const file = saveSample("borrow-slip", pdf);
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    for (const s of ["档案借出单", slip.requestNo, "王丽娜", "借出", "已借出", "打印测试：核对签约资料", "赵建国", "陈静", ...records.map((r) => r.archiveNo), "借阅人签字", "审批人（部门经理）"]) {
      expect(text).toContain(s);
    }
    const other = await actor("staff2");
    expect(await refusal(printPdf(t.db, other, borrowSlipForm, [slip.id], deps()))).toBe("FORBIDDEN");
  });

  it("batch: two hand-over lists in one PDF, each numbered on its own, one audit entry per list", async () => {
    const before = await t.db.auditLog.count({ where: { action: "print.form" } });
    const { pdf, fileName } = await printPdf(t.db, actors.archivist, handoverListForm, [longBatch.id, shortBatch.id], deps());
    const file = saveSample("handover-batch", pdf);
    expect(fileName).toBe(`客户档案移交清单-${longBatch.batchNo}等2份.pdf`);
    expect(pdfPages(file)).toBe(3);
    expect(pdfText(file, 3)).toContain(shortBatch.batchNo);
    expect(pdfText(file, 3)).toContain("待核对");
    // Each form keeps its own page numbers: it is signed and filed on its own.
    expect(pdfText(file, 2)).toMatch(pageOf(2, 2));
    expect(pdfText(file, 3)).toMatch(pageOf(1, 1));
    const entries = await t.db.auditLog.findMany({ where: { action: "print.form", id: { gt: 0 } }, orderBy: { id: "desc" }, take: 2, select: { actorId: true, actorName: true, entity: true, entityId: true, after: true } });
    expect(await t.db.auditLog.count({ where: { action: "print.form" } })).toBe(before + 2);
    expect(entries.map((e) => e.entityId).sort()).toEqual([longBatch.id, shortBatch.id].sort());
    expect(entries.every((e) => e.actorId === actors.archivist.id && e.entity === "HandoverBatch")).toBe(true);
    expect(entries[0]!.after).toMatchObject({ form: "handover", batch: [longBatch.batchNo, shortBatch.batchNo] });
  });
});

describe("who may print", () => {
  it("refuses a role before reading or rendering anything, and unknown ids before rendering", async () => {
    const fresh = new PrintPool({ maxPages: 1 });
    const seen = origin.requests;
    const audits = await t.db.auditLog.count();
    try {
      expect(await refusal(printPdf(t.db, actors.staff, weedingListForm, [destroyList.id], { ...deps(), pool: fresh }))).toBe("FORBIDDEN");
      expect(await refusal(printPdf(t.db, actors.archivist, handoverListForm, [crypto.randomUUID()], { ...deps(), pool: fresh }))).toBe("NOT_FOUND");
      expect(fresh.stats()).toMatchObject({ launches: 0, renders: 0 });
      expect(origin.requests).toBe(seen);
      expect(await t.db.auditLog.count()).toBe(audits);
    } finally {
      await fresh.close();
    }
  });

  it("the print page takes a token only for its form and ids, unexpired, untampered, of a user still holding the role", async () => {
    const page = (path: string, token: string) => fetch(`${origin.origin}${path}?t=${encodeURIComponent(token)}`).then((r) => r.status);
    const grant = { form: "weeding", ids: [destroyList.id], userId: actors.manager.id };
    const path = `/print/weeding/${destroyList.id}`;
    expect(await page(path, signPrintToken(SECRET, grant))).toBe(200);
    expect(await page(path, signPrintToken(SECRET, grant, Date.now() - 61_000))).toBe(404); // expired
    expect(await page(`/print/handover/${destroyList.id}`, signPrintToken(SECRET, grant))).toBe(404); // wrong form
    expect(await page(`/print/weeding/${longBatch.id}`, signPrintToken(SECRET, grant))).toBe(404); // other id
    const [body, sig] = signPrintToken(SECRET, grant).split(".");
    const forged = Buffer.from(Buffer.from(body!, "base64url").toString().replace(actors.manager.id, actors.staff.id)).toString("base64url");
    expect(await page(path, `${forged}.${sig}`)).toBe(404); // tampered
    expect(await page(path, signPrintToken("another-secret-of-enough-length-000000", grant))).toBe(404);
    // A genuine token of someone without a role for the form (staff) opens nothing.
    expect(await page(path, signPrintToken(SECRET, { ...grant, userId: actors.staff.id }))).toBe(404);
  });
});

describe("the pool", () => {
  const html = (n: number) => `<!doctype html><html><head><meta charset="utf-8"></head><body><div data-print-ready="1"><h1>测试 ${n}</h1></div></body></html>`;

  it("a burst of 10 renders never has more than N=2 pages open in Chromium", async () => {
    const burst = new PrintPool({ maxPages: 2 });
    try {
      await renderPdf(burst, { html: html(0) }); // launched, so the sampler sees the browser
      const browser = (await burst.browserForTest())!;
      let maxTargets = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          maxTargets = Math.max(maxTargets, (await browser.pages()).length);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const pdfs = await Promise.all(Array.from({ length: 10 }, (_, i) => renderPdf(burst, { html: html(i + 1) })));
      sampling = false;
      await sampler;
      expect(pdfs).toHaveLength(10);
      expect(pdfs.every((p) => Buffer.from(p.subarray(0, 5)).toString() === "%PDF-")).toBe(true);
      expect(burst.stats().maxOpenPages).toBeLessThanOrEqual(2);
      expect(maxTargets).toBeGreaterThan(0);
      expect(maxTargets).toBeLessThanOrEqual(2);
      expect(burst.stats()).toMatchObject({ renders: 11, launches: 1, queued: 0 });
    } finally {
      await burst.close();
    }
  });

  it("a hung page is a PRINT_TIMEOUT, not a hang, and the pool carries on", async () => {
    // Only the hung render has a short timeout (it can never finish, so any value is met); the
    // renders around it keep a generous one, so a loaded machine cannot make them time out. The
    // test asserts the order of events and their outcome, never how long anything took.
    const slow = new PrintPool({ maxPages: 1, renderTimeoutMs: 120_000, queueTimeoutMs: 300_000, launchTimeoutMs: 60_000 });
    try {
      const events: string[] = [];
      const hung = refusal(renderPdf(slow, { url: `${origin.origin}/hang` }, { timeoutMs: 2_000 })).then((code) => {
        events.push(`hung:${code}`);
        return code;
      });
      // Queued behind it: its target (in production, the URL with a one-minute token) is made
      // only once a page is free, so a long queue cannot expire the token before use.
      const queued = renderPdf(slow, () => (events.push("queued target made"), { html: html(0) })).then((pdf) => {
        events.push("queued done");
        return pdf;
      });
      expect(await hung).toBe("PRINT_TIMEOUT");
      expect(Buffer.from((await queued).subarray(0, 5)).toString()).toBe("%PDF-");
      expect(events).toEqual(["hung:PRINT_TIMEOUT", "queued target made", "queued done"]);
      expect(Buffer.from((await renderPdf(slow, { html: html(1) })).subarray(0, 5)).toString()).toBe("%PDF-");
    } finally {
      await slow.close();
    }
  }, 300_000);

  it("a missing Chromium is PRINT_UNAVAILABLE at once", async () => {
    const none = new PrintPool({ executablePath: "/nonexistent/chromium" });
    expect(await refusal(renderPdf(none, { html: html(1) }))).toBe("PRINT_UNAVAILABLE");
    expect(none.stats().launches).toBe(0);
    await none.close();
  });

  it("relaunches after a crash and after restartAfter renders, closing the old browser", async () => {
    const p = new PrintPool({ maxPages: 1, restartAfter: 3 });
    try {
      await renderPdf(p, { html: html(1) });
      const first = (await p.browserForTest())!;
      first.process()!.kill("SIGKILL");
      await new Promise((r) => first.process()!.once("exit", r));
      await renderPdf(p, { html: html(2) });
      expect(p.stats().launches).toBe(2);
      const second = (await p.browserForTest())!;
      await renderPdf(p, { html: html(3) });
      await renderPdf(p, { html: html(4) }); // the third on this browser: it retires
      expect(second.connected).toBe(false);
      await renderPdf(p, { html: html(5) });
      expect(p.stats()).toMatchObject({ launches: 3, openPages: 1 });
    } finally {
      await p.close();
    }
  });
});
