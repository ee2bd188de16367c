import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { NO_PRINT_QUERY, printPagePath, printPdfPath, printQueryOf, searchParamsOf } from "./print.service";
import { borrowRegisterForm, registerCriteria } from "./forms/borrow-register";
import { handoverListForm } from "./forms/handover-list";
import { complaintStatsForm } from "./forms/complaint-stats";
import { appraisalStatsForm } from "./forms/appraisal-stats";
import { paramsOfPrintFilters, printFiltersFromParams } from "../domain/borrowing/register.schema";
import { translatorFor } from "../i18n/translate";

const sp = (q: string) => new URLSearchParams(q);
const zh = translatorFor("zh-CN");

describe("a list form's page filters in the print URL", () => {
  it("借阅登记表: the page's 日期口径 and filters, canonical; period, paging, sorting, ids and token are not filters", () => {
    const q = printQueryOf(borrowRegisterForm, sp("t=tok&ids=2026-11&from=2026-11-01&sort=dueOn&dir=asc&page=3&overdue=1&status=lent&borrower=+王+&periodOf=lent"));
    expect(q.filters).toEqual({ periodOf: "lent", borrower: "王", archiveNo: undefined, status: "lent", overdueOnly: true });
    expect(q.query).toBe(`periodOf=lent&borrower=${encodeURIComponent("王")}&status=lent&overdue=1`);
  });

  it("the default (request date, nothing else) is no query at all, so the /print page's batch of months is unchanged", () => {
    expect(printQueryOf(borrowRegisterForm, sp("ids=2026-11,2026-10"))).toEqual({ filters: { periodOf: "requested", overdueOnly: false }, query: "" });
    expect(printQueryOf(borrowRegisterForm, sp("periodOf=requested&overdue=0")).query).toBe("");
  });

  it("malformed values are dropped by the page's own parser, never passed on", () => {
    const q = printQueryOf(borrowRegisterForm, sp("periodOf=lentAt;drop&status=lost&overdue=yes&archiveNo=%20%20"));
    expect(q).toEqual({ filters: { periodOf: "requested", overdueOnly: false }, query: "" });
    expect(printQueryOf(borrowRegisterForm, sp(`borrower=${"长".repeat(80)}`)).filters).toMatchObject({ borrower: "长".repeat(50) });
  });

  it("read back from its own query string, the filters and the string are the same (the token signs that string)", () => {
    for (const raw of ["periodOf=returned&archiveNo=kh-2026", `borrower=${"a".repeat(49)}%20%20bc`, "status=pending_second&overdue=1&borrower=%E5%BC%A0", ""]) {
      const once = printQueryOf(borrowRegisterForm, sp(raw));
      expect(printQueryOf(borrowRegisterForm, sp(once.query))).toEqual(once);
      expect(printFiltersFromParams(paramsOfPrintFilters(once.filters as never))).toEqual(once.filters);
    }
  });

  it("a form without filters reads none, whatever the URL holds", () => {
    expect(printQueryOf(handoverListForm, sp("periodOf=lent&status=lent"))).toBe(NO_PRINT_QUERY);
  });

  it("the page and PDF paths carry the query after the id or the batch's ids", () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(printPdfPath(borrowRegisterForm, ["2026-11"], "periodOf=lent")).toBe("/api/print/borrow-register/2026-11?periodOf=lent");
    expect(printPagePath(borrowRegisterForm, ["2026-11", "2026-10"], "periodOf=lent")).toBe("/print/borrow-register/batch?ids=2026-11,2026-10&periodOf=lent");
    expect(printPdfPath(handoverListForm, [a, b])).toBe(`/api/print/handover/batch?ids=${a},${b}`);
  });

  it("a Next.js page's searchParams become URLSearchParams, repeated keys kept", () => {
    expect(searchParamsOf({ ids: ["a", "b"], periodOf: "lent", t: undefined }).toString()).toBe("ids=a&ids=b&periodOf=lent");
  });
});

describe("the printed 借阅登记表 states what it lists", () => {
  it("the date basis always, then each filter the page set", () => {
    expect(registerCriteria({ periodOf: "requested", overdueOnly: false }, zh)).toEqual(["日期口径 申请日期", "无其他筛选"]);
    expect(registerCriteria({ periodOf: "lent", borrower: "王", archiveNo: "KH-2026", status: "lent", overdueOnly: true }, zh)).toEqual([
      "日期口径 借出日期",
      "借阅人 含“王”",
      "档号 含“KH-2026”",
      "状态 已借出",
      "只看逾期未还",
    ]);
    expect(registerCriteria({ periodOf: "returned", overdueOnly: false }, zh)[0]).toBe("日期口径 归还日期");
  });
});

describe("the statistics forms have no page filter beyond their period", () => {
  // 投诉统计 filters by from–to only (by time of receipt), 考核统计 by year/month only: the print id
  // carries all of it. Should either page gain a filter, give its form `filters` as 借阅登记表 does.
  it("so they read none from the URL", () => {
    expect(printQueryOf(complaintStatsForm, sp("from=2026-01-01&to=2026-03-31&category=x"))).toBe(NO_PRINT_QUERY);
    expect(printQueryOf(appraisalStatsForm, sp("year=2026&month=3"))).toBe(NO_PRINT_QUERY);
  });
});
