import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAll } from "../../prisma/seed/index";
import { seedBorrowing } from "../../prisma/seed/borrowing";
import { DomainError } from "../../server/domain/errors";
import { PrintPool } from "../../server/print/browser-pool";
import { printPagePath, printPdf, printQueryOf, type PrintActor } from "../../server/print/print.service";
import { signPrintToken } from "../../server/print/print-token";
import { companyName } from "../../server/print/print-config";
import { complaintSheetForm } from "../../server/print/forms/complaint-sheet";
import { complaintCallbackForm } from "../../server/print/forms/complaint-callback";
import { repairOrderForm } from "../../server/print/forms/repair-order";
import { approveRepair } from "../../server/domain/complaints/repairs.service";
import { certificateHandoutForm } from "../../server/print/forms/certificate-handout";
import { appraisalRecordForm } from "../../server/print/forms/appraisal-record";
import { borrowRegisterForm } from "../../server/print/forms/borrow-register";
import { shanghaiDay } from "../../server/domain/time";
import { pdfPageSize } from "./print-origin";
import { complaintStatsForm } from "../../server/print/forms/complaint-stats";
import { appraisalStatsForm } from "../../server/print/forms/appraisal-stats";
import { complaintStats, statsTable } from "../../server/domain/complaints/stats.service";
import { printableForms } from "../../server/print/print-overview";
import { translatorFor } from "../../server/i18n/translate";
import { useTestDatabase } from "./helpers";
import { pdfPages, pdfText, saveSample, startPrintOrigin, type PrintOrigin } from "./print-origin";

// Issue 8, the remaining forms: each rendered from the demo seed through Chromium and read back
// with pdftotext (title, number, Chinese values, page count), one refusal per module, and a batch.
const t = useTestDatabase();
const SECRET = crypto.randomBytes(32).toString("base64url");
let origin: PrintOrigin;
let pool: PrintPool;
const deps = () => ({ pool, origin: origin.origin, secret: SECRET });
const pageOf = (n: number, m: number) => new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${m}\\s*页`);
const zh = translatorFor("zh-CN");

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

/** pdftotext -layout may break a long line; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, "");
function expectAll(text: string, parts: string[]) {
  const flat = squash(text);
  for (const p of parts) expect(flat, p).toContain(squash(p));
}

beforeAll(async () => {
  await seedAll(t.db);
  await seedBorrowing(t.db);
  origin = await startPrintOrigin(t.db, SECRET);
  pool = new PrintPool({ maxPages: 2, renderTimeoutMs: 120_000, queueTimeoutMs: 300_000, launchTimeoutMs: 60_000 });
}, 240_000);

afterAll(async () => {
  await pool?.close();
  await origin?.close();
});

describe("投诉处理单 and 回访记录", () => {
  it("the sheet: matter, clocks, handling steps, result and the callback; an archivist is refused", async () => {
    const c = await t.db.complaint.findFirstOrThrow({ where: { complainantName: "吴海燕" }, select: { id: true, complaintNo: true } });
    const staff = await actor("staff");
    const { pdf, fileName } = await printPdf(t.db, staff, complaintSheetForm, [c.id], deps());
    const file = saveSample("complaint-sheet", pdf);
    expect(fileName).toBe(`投诉处理单-${c.complaintNo}.pdf`);
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    expectAll(text, [companyName(), "投诉处理单", c.complaintNo, "吴海燕", "楼上装修噪音超时施工", "来电", "答复时限", "回访时限", "处理经过", "处理完毕", "物业已约谈装修户，限定施工时间", "非常满意", "噪音问题已解决", "受理人签字", "客服主管签字"]);
    expect(text).toMatch(pageOf(1, 1));
    expect(text).not.toMatch(/1[3-9]\d{9}/); // the phone stays masked
    expect(await refusal(printPdf(t.db, await actor("archivist"), complaintSheetForm, [c.id], deps()))).toBe("FORBIDDEN");
  });

  it("回访记录: every callback of the complaint with its satisfaction, candidates are complaints called back", async () => {
    const c = await t.db.complaint.findFirstOrThrow({ where: { complainantName: "郭伟" }, select: { id: true, complaintNo: true } });
    const supervisor = await actor("supervisor");
    const { pdf } = await printPdf(t.db, supervisor, complaintCallbackForm, [c.id], deps());
    const file = saveSample("complaint-callback", pdf);
    expect(pdfPages(file)).toBe(1);
    expectAll(pdfText(file), ["客户投诉回访记录", c.complaintNo, "郭伟", "入户门变形关不严", "工程部更换门扇", "一般", "维修时间偏长", "回访人签字", "客户签字"]);
    const candidates = await complaintCallbackForm.recent(t.db, supervisor, 50, zh);
    expect(candidates.map((x: { id: string }) => x.id)).toContain(c.id);
    const uncalled = await t.db.complaint.findMany({ where: { callbacks: { none: {} } }, select: { id: true } });
    expect(uncalled.length).toBeGreaterThan(0);
    for (const u of uncalled) expect(candidates.map((x: { id: string }) => x.id)).not.toContain(u.id);
  });
});

describe("整改维修联系单", () => {
  it("6800 元: plan, cost, 工程部经理 then 总经理 approvals with names, both signature lines", async () => {
    const r0 = await t.db.repairOrder.findFirstOrThrow({ where: { cost: "6800.00" }, select: { id: true, orderNo: true, version: true } });
    const eng = await actor("gcb.manager");
    await approveRepair(t.db, eng, { repairId: r0.id, version: r0.version, level: "engineering", note: "同意方案" });
    const v = (await t.db.repairOrder.findUniqueOrThrow({ where: { id: r0.id }, select: { version: true } })).version;
    await approveRepair(t.db, await actor("gm"), { repairId: r0.id, version: v, level: "general", note: "同意" });
    const { pdf } = await printPdf(t.db, await actor("staff"), repairOrderForm, [r0.id], deps());
    const file = saveSample("repair-order", pdf);
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    expectAll(text, ["整改维修联系单", r0.orderNo, "华景园 3栋 1202 主卧窗台", "窗台渗水，墙纸发霉", "拆除窗台重做防水，更换墙纸", "6800.00 元", "保修期内", "工程部", "吴振华", "郑国栋", "同意方案", "工程部经理签字", "总经理签字", "业主验收签字"]);
    expect(text).toMatch(pageOf(1, 1));
    expect(await refusal(printPdf(t.db, await actor("archivist"), repairOrderForm, [r0.id], deps()))).toBe("FORBIDDEN");
  });

  it("below the limit the 总经理 line is not asked for", async () => {
    const r = await t.db.repairOrder.findFirstOrThrow({ where: { cost: "260.00" }, select: { id: true, orderNo: true } });
    const { pdf } = await printPdf(t.db, await actor("supervisor"), repairOrderForm, [r.id], deps());
    const text = pdfText(saveSample("repair-order-small", pdf));
    expectAll(text, [r.orderNo, "水龙头漏水（有偿维修）", "260.00 元", "有偿", "物业", "无需总经理审批", "已完工"]);
    expect(squash(text)).not.toContain("总经理签字");
  });
});

describe("产权证领取确认单", () => {
  it("an agent's hand-out: certificate, unit, buyer, agent with power of attorney, masked ID; the admin is refused", async () => {
    const h = await t.db.certificateHandout.findFirstOrThrow({ where: { recipientName: "何建华" }, select: { id: true, handoutNo: true, certificateNo: true } });
    expect(h.handoutNo).toMatch(/^LQ-/);
    const { pdf, fileName } = await printPdf(t.db, await actor("archivist"), certificateHandoutForm, [h.id], deps());
    const file = saveSample("certificate-handout", pdf);
    expect(fileName).toBe(`产权证领取确认单-${h.handoutNo}.pdf`);
    expect(pdfPages(file)).toBe(1);
    const text = pdfText(file);
    expectAll(text, ["产权证领取确认单", h.handoutNo, h.certificateNo, "锦湖湾", "委托代领", "何建华", "（2025）粤广州广州第021337号", "刘芳", "业主出差，委托亲属代领", "领取人签字", "经办人（客服部）签字"]);
    expect(text).not.toContain("440105197912083316");
    expect(text).toMatch(pageOf(1, 1));
    expect(await refusal(printPdf(t.db, await actor("admin"), certificateHandoutForm, [h.id], deps()))).toBe("FORBIDDEN");
  });
});

describe("员工月/年终绩效考核记录表", () => {
  it("staff prints their own 月考核: items, deductions with reasons, subtotals, total; another staff member cannot", async () => {
    const staff = await actor("staff");
    const a = await t.db.appraisal.findFirstOrThrow({
      where: { employeeId: staff.id, kind: "monthly", status: "finalised", scores: { some: {} } },
      orderBy: { periodStart: "asc" },
      select: { id: true, total: true, periodStart: true, scores: { select: { reason: true, deduction: true } } },
    });
    const { pdf } = await printPdf(t.db, staff, appraisalRecordForm, [a.id], deps());
    const file = saveSample("appraisal-monthly", pdf);
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1)).join("\n");
    expectAll(text, ["员工月绩效考核记录表", "王丽娜", "月考核", a.periodStart.toISOString().slice(0, 7), "思想道德", "服务态度", "小计", `合计 ${a.total.toFixed(2)} 分`, "本人已确认", "赵建国", "被考核人签字", "考核人签字", "部门经理签字"]);
    for (const s of a.scores) expect(squash(text)).toContain(squash(s.reason!));
    expect(text).toMatch(pageOf(1, pages));
    // Visibility is the appraisal module's own: staff2 sees only their own results.
    expect(await refusal(printPdf(t.db, await actor("staff2"), appraisalRecordForm, [a.id], deps()))).toBe("NOT_FOUND");
  });

  it("年终考评 adds the 20/30/50 parts and the year-end result", async () => {
    const staff = await actor("staff");
    const a = await t.db.appraisal.findFirstOrThrow({ where: { employeeId: staff.id, kind: "year_end", status: "finalised" }, select: { id: true, year: true, total: true } });
    const { pdf } = await printPdf(t.db, await actor("manager"), appraisalRecordForm, [a.id], deps());
    const file = saveSample("appraisal-year-end", pdf);
    const pages = pdfPages(file);
    const text = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1)).join("\n");
    expectAll(text, ["员工年终绩效考核记录表", "年终考评", `${a.year} 年度年终成绩计算`, "周检和月检平均分", "20%", "月考核平均分", "30%", "50%", "年终成绩", a.total.toFixed(2)]);
    // The year-end total printed is the formula's (the one the year-end page shows).
    const { yearEndRecord } = await import("../../server/domain/appraisal/year-end.service");
    const rec = await yearEndRecord(t.db, { id: staff.id, roles: ["manager"], departmentId: null }, { year: a.year, employeeId: staff.id });
    expect(rec.formula.total).not.toBeNull();
    expect(squash(text)).toContain(rec.formula.total!);
  });

  it("batch: two appraisals in one PDF, each with its own page numbers", async () => {
    const staff = await actor("staff");
    const two = await t.db.appraisal.findMany({ where: { employeeId: staff.id, kind: "monthly", status: "finalised" }, orderBy: { periodStart: "asc" }, take: 2, select: { id: true, periodStart: true } });
    const candidates = await appraisalRecordForm.recent(t.db, staff, 100, zh);
    for (const x of two) expect(candidates.map((c: { id: string }) => c.id)).toContain(x.id);
    const { pdf, fileName, numbers } = await printPdf(t.db, staff, appraisalRecordForm, two.map((x) => x.id), deps());
    const file = saveSample("appraisal-batch", pdf);
    expect(fileName).toMatch(/^员工月绩效考核记录表-.*等2份\.pdf$/);
    expect(numbers).toHaveLength(2);
    const pages = pdfPages(file);
    const all = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1));
    for (const x of two) expect(all.join("\n")).toContain(x.periodStart.toISOString().slice(0, 7));
    // The last page closes the second form: "第 N 页 共 N 页" of its own count.
    expect(all[pages - 1]).toMatch(/第\s*(\d+)\s*页\s*共\s*\1\s*页/);
    // Two forms, two first pages.
    expect(all.filter((p) => /第\s*1\s*页/.test(p))).toHaveLength(2);
  });
});

describe("借阅登记表 (a period, not a record)", () => {
  it("the last 40 days, landscape: every slip with borrower, files, dates, the signature columns on every page; staff refused", async () => {
    const today = shanghaiDay(new Date());
    const from = shanghaiDay(new Date(Date.now() - 40 * 86_400_000));
    const id = `${from}_${today}`;
    const auditor = await actor("auditor");
    const { pdf, fileName } = await printPdf(t.db, auditor, borrowRegisterForm, [id], deps());
    const file = saveSample("borrow-register", pdf);
    expect(fileName).toBe(`借阅登记表-${id}.pdf`);
    expect(pdfPageSize(file)).toMatch(/^84[12]\.\d+ x 59[45]\.\d+ pts/); // A4 landscape
    const pages = pdfPages(file);
    const texts = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1));
    const all = texts.join("\n");
    const slips = await t.db.borrowRequest.findMany({ select: { requestNo: true, purpose: true, requester: { select: { displayName: true } } } });
    expect(slips.length).toBeGreaterThan(5);
    for (const s of slips) expectAll(all, [s.requestNo, s.requester.displayName]);
    // The auditor may not read a 机密 title: its 档号 prints, its title does not.
    expectAll(all, ["借阅登记表", id, `共 ${slips.length} 张借出单`, "（机密档案", "缺页/缺件", "档案管理员签字"]);
    expect(all).not.toContain("华景园物业服务合同");
    for (const [i, p] of texts.entries()) {
      expectAll(p, ["借出单号", "借阅人签字", "归还签收"]);
      expect(p).toMatch(pageOf(i + 1, pages));
    }
    // The print is an audit entry on the period.
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "print.form", entity: "BorrowRegister" }, orderBy: { id: "desc" }, select: { entityId: true, actorId: true } });
    expect(entry).toEqual({ entityId: id, actorId: auditor.id });
    expect(await refusal(printPdf(t.db, await actor("staff"), borrowRegisterForm, [id], deps()))).toBe("FORBIDDEN");
  });

  it("a month with no slips prints an empty register; candidates are the recent months", async () => {
    const { pdf } = await printPdf(t.db, await actor("archivist"), borrowRegisterForm, ["2020-01"], deps());
    const text = pdfText(saveSample("borrow-register-empty", pdf));
    expectAll(text, ["借阅登记表", "2020年1月", "共 0 张借出单", "本期间没有借出单。"]);
    const recent = await borrowRegisterForm.recent(t.db, await actor("archivist"), 20, zh);
    expect(recent[0]!.id).toBe(shanghaiDay(new Date()).slice(0, 7));
    expect(recent).toHaveLength(6);
  });
});

describe("借阅登记表 follows the register page's 日期口径 and filters", () => {
  // Two slips written with known Shanghai dates in 2021 (far from the seed's recent slips): one
  // requested on 03-31 and lent on 04-01, one requested on 04-28 and lent on 05-02. April by
  // request date holds only the second; April by lent date only the first.
  const sh = (local: string) => new Date(`${local}+08:00`);
  let early: string, late: string, borrower: { displayName: string; loginName: string };

  beforeAll(async () => {
    const staff = await t.db.user.findUniqueOrThrow({ where: { loginName: "staff" }, select: { id: true, displayName: true, loginName: true } });
    const lender = await t.db.user.findUniqueOrThrow({ where: { loginName: "archivist" }, select: { id: true } });
    const record = await t.db.archiveRecord.findFirstOrThrow({ where: { confidentiality: "internal" }, select: { id: true } });
    borrower = staff;
    const slip = async (no: string, requested: string, lent: string, returned: string) =>
      (
        await t.db.borrowRequest.create({
          data: {
            requestNo: no, requesterId: staff.id, borrowType: "reading", purpose: `口径测试 ${no}`, status: "returned", createdAt: sh(requested),
            approvedById: lender.id, approvedAt: sh(requested), lentById: lender.id, lentAt: sh(lent), dueOn: new Date(`${lent.slice(0, 10)}T00:00:00Z`),
            returnedToId: lender.id, returnedAt: sh(returned), items: { create: [{ recordId: record.id, returnCheck: "complete" }] },
          },
          select: { requestNo: true },
        })
      ).requestNo;
    early = await slip("JY-2021-9001", "2021-03-31T23:30:00", "2021-04-01T10:00:00", "2021-04-01T16:00:00");
    late = await slip("JY-2021-9002", "2021-04-28T09:00:00", "2021-05-02T10:00:00", "2021-05-02T16:00:00");
  });

  it("April by lent date: the slip lent in April though requested in March, not the one requested in April; the basis and filters stated", async () => {
    const archivist = await actor("archivist");
    const q = printQueryOf(borrowRegisterForm, new URLSearchParams(`periodOf=lent&status=returned&borrower=${encodeURIComponent(borrower.loginName)}&sort=borrower&page=2`));
    expect(q.query).toBe(`periodOf=lent&borrower=${borrower.loginName}&status=returned`);
    const { pdf, fileName } = await printPdf(t.db, archivist, borrowRegisterForm, ["2021-04"], deps(), q);
    expect(fileName).toBe("借阅登记表-2021-04.pdf");
    const text = pdfText(saveSample("borrow-register-lent", pdf));
    expectAll(text, [
      "借阅登记表",
      "期间：2021年4月（按借出日期）",
      "共 1 张借出单",
      `筛选条件：日期口径 借出日期；借阅人 含“${borrower.loginName}”；状态 已归还`,
      early,
      "2021-04-01",
    ]);
    expect(text).not.toContain(late);
    // The print is audited with the filters it followed.
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "print.form", entity: "BorrowRegister" }, orderBy: { id: "desc" }, select: { entityId: true, after: true } });
    expect(entry).toMatchObject({ entityId: "2021-04", after: { filters: q.query } });
  });

  it("April by request date (the default, as the /print page's batch prints it): the other slip, basis stated", async () => {
    const { pdf } = await printPdf(t.db, await actor("archivist"), borrowRegisterForm, ["2021-04", "2021-03"], deps());
    const [april, march] = [pdfText(saveSample("borrow-register-requested", pdf), 1), pdfText(saveSample("borrow-register-requested", pdf), 2)];
    expectAll(april, ["期间：2021年4月（按申请日期）", "共 1 张借出单", "筛选条件：日期口径 申请日期；无其他筛选", late]);
    expect(april).not.toContain(early);
    expectAll(march, ["期间：2021年3月（按申请日期）", early]);
  });

  it("filters that match nothing print an empty register saying so; the returned-date basis cuts on the return", async () => {
    const archivist = await actor("archivist");
    const none = await printPdf(t.db, archivist, borrowRegisterForm, ["2021-04"], deps(), printQueryOf(borrowRegisterForm, new URLSearchParams("periodOf=lent&overdue=1")));
    expectAll(pdfText(saveSample("borrow-register-none", none.pdf)), ["共 0 张借出单", "本期间没有符合筛选条件的借出单。", "只看逾期未还"]);
    const returned = await printPdf(t.db, archivist, borrowRegisterForm, ["2021-05"], deps(), printQueryOf(borrowRegisterForm, new URLSearchParams("periodOf=returned")));
    const text = pdfText(saveSample("borrow-register-returned", returned.pdf));
    expectAll(text, ["期间：2021年5月（按归还日期）", "日期口径 归还日期", late]);
    expect(text).not.toContain(early);
  });

  it("the page's token holds for exactly the filters it was signed with", async () => {
    const archivist = await actor("archivist");
    const query = "periodOf=lent";
    const token = signPrintToken(SECRET, { form: "borrow-register", ids: ["2021-04"], userId: archivist.id, query });
    const page = (q: string) => fetch(`${origin.origin}${printPagePath(borrowRegisterForm, ["2021-04"], q)}${q ? "&" : "?"}t=${encodeURIComponent(token)}`);
    const ok = await page(query);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(early);
    expect((await page("")).status).toBe(404); // the default basis is another list
    expect((await page("periodOf=returned")).status).toBe(404);
  });
});

describe("statistics tables", () => {
  it("投诉统计表: the same figures as the page for a period; staff refused", async () => {
    const today = shanghaiDay(new Date());
    const from = shanghaiDay(new Date(Date.now() - 500 * 86_400_000));
    const id = `${from}_${today}`;
    const { pdf } = await printPdf(t.db, await actor("supervisor"), complaintStatsForm, [id], deps());
    const file = saveSample("complaint-stats", pdf);
    const pages = pdfPages(file);
    const text = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1)).join("\n");
    const s = await complaintStats(t.db, { from, to: today });
    expect(s.total).toBeGreaterThan(3);
    expectAll(text, ["客户投诉统计表", id, `投诉总数 ${s.total} 件`, "按时答复率", "回访率", "按类别", "按渠道", "满意度分布", "制表人（客服专员）签字"]);
    // Every line of the page's table (the one its export writes) is on the form.
    for (const row of statsTable(s, "zh-CN").slice(1)) expectAll(text, row.slice(1).filter(Boolean));
    expect(await refusal(printPdf(t.db, await actor("staff"), complaintStatsForm, [id], deps()))).toBe("FORBIDDEN");
  });

  it("员工年绩效考核情况统计表: the manager sees everyone ranked; staff's own print holds only their own results", async () => {
    const prev = String(Number(shanghaiDay(new Date()).slice(0, 4)) - 1);
    const { pdf } = await printPdf(t.db, await actor("manager"), appraisalStatsForm, [prev], deps());
    const file = saveSample("appraisal-stats", pdf);
    const pages = pdfPages(file);
    const text = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1)).join("\n");
    expectAll(text, ["员工年绩效考核情况统计表", `${prev}年`, "按考核类型", "月考核", "年终考评", "德勤能绩平均分", "月考核排名", "王丽娜", "刘洋", "黄伟", "逐月趋势", "12月", "部门经理签字"]);
    const mine = pdfText(saveSample("appraisal-stats-staff", (await printPdf(t.db, await actor("staff"), appraisalStatsForm, [prev], deps())).pdf));
    expect(mine).toContain("王丽娜");
    expect(mine).not.toContain("刘洋");
    expect(mine).not.toContain("黄伟");
    // A range is not an appraisal period: the id is refused before anything is read.
    expect(appraisalStatsForm.isId!(`${prev}-01-01_${prev}-02-01`)).toBe(false);
    expect(appraisalStatsForm.isId!(`${prev}-03`)).toBe(true);
  });
});

describe("表单打印 lists the new forms", () => {
  it("each with its catalogue title and recent records to pick (the manager may print all of them)", async () => {
    const manager = await actor("manager");
    const { forms } = await printableForms(t.db, manager, "zh-CN");
    const byKey = new Map(forms.map((f) => [f.key, f]));
    const expected: Record<string, string> = {
      "borrow-slip": "借出单",
      "complaint-sheet": "投诉处理单",
      "complaint-callback": "回访记录",
      repair: "整改维修联系单",
      "certificate-handout": "产权证领取确认单",
      appraisal: "绩效考核记录表",
      "borrow-register": "借阅登记表",
      "complaint-stats": "投诉统计表",
      "appraisal-stats": "绩效考核统计表",
    };
    for (const [key, title] of Object.entries(expected)) {
      const f = byKey.get(key);
      expect(f, key).toBeDefined();
      expect(f!.title).toBe(title);
      expect(f!.description).not.toMatch(/^print\./);
      expect(f!.candidates.length, key).toBeGreaterThan(0);
    }
    // The archivist holds no complaint or appraisal-statistics role beyond their own: no complaint forms.
    const archivistForms = (await printableForms(t.db, await actor("archivist"), "zh-CN")).forms.map((f) => f.key);
    expect(archivistForms).not.toContain("complaint-sheet");
    expect(archivistForms).toContain("borrow-register");
  });
});
