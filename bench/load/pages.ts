// What the harness loads: the baseline (/forbidden, the smallest page with the portal's layout),
// the main page of every module with its search forms, one detail page per module, the statistics
// pages and the global-search procedure. Detail ids are read from the list page's links (so they
// exist on any database); the bench generator's first rows are the fallback.
import { complaintId } from "../gen/complaints";
import { contactId } from "../gen/contacts";
import { loanId } from "../gen/loans";
import { recordId } from "../gen/records";

export type Login = "manager" | "auditor";
export type PageDef = {
  name: string;
  path: string;
  as?: Login;
  /** a detail page: the first id matching `pattern` on the `from` page (or the fallback id) */
  detail?: { from: string; pattern: RegExp; fallback?: string };
  group: "baseline" | "list" | "search" | "detail" | "statistics" | "procedure";
};

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const link = (prefix: string) => new RegExp(`${prefix}(${UUID})`);
export const trpcGet = (proc: string, input: unknown) => `/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

export const PAGES: PageDef[] = [
  { name: "baseline /forbidden", path: "/forbidden", group: "baseline" },
  { name: "工作台 /", path: "/", group: "list" },
  { name: "审计日志 /audit (auditor)", path: "/audit", as: "auditor", group: "list" },
  { name: "档案检索 q=买卖合同", path: `/archive?q=${encodeURIComponent("买卖合同")}`, group: "search" },
  { name: "档案检索 q=王 (1 char)", path: `/archive?q=${encodeURIComponent("王")}`, group: "search" },
  { name: "档案检索 q=合同 (2 chars)", path: `/archive?q=${encodeURIComponent("合同")}`, group: "search" },
  { name: "档案 /archive", path: "/archive", group: "list" },
  { name: "全局搜索 /search?q=王", path: `/search?q=${encodeURIComponent("王")}`, group: "search" },
  { name: "search.query q=王 (tRPC)", path: trpcGet("search.query", { q: "王", limit: 5 }), group: "procedure" },
  { name: "search.query q=买卖合同 (tRPC)", path: trpcGet("search.query", { q: "买卖合同", limit: 5 }), group: "procedure" },
  { name: "投诉 /complaints", path: "/complaints", group: "list" },
  { name: "借阅 /borrowing", path: "/borrowing", group: "list" },
  { name: "借阅审批 /borrowing/approvals", path: "/borrowing/approvals", group: "list" },
  { name: "借阅审批 已审批 q=张", path: `/borrowing/approvals?view=decided&q=${encodeURIComponent("张")}`, group: "search" },
  { name: "表单打印 /print", path: "/print", group: "list" },
  { name: "借阅登记 /borrowing/register", path: "/borrowing/register", group: "list" },
  { name: "来电来访 /contacts", path: "/contacts", group: "list" },
  { name: "绩效考核 /appraisal", path: "/appraisal", group: "list" },
  { name: "房号 /units", path: "/units", group: "list" },
  { name: "客户档案 /archive/client-files", path: "/archive/client-files", group: "list" },
  { name: "档案 detail", path: "/archive/:id", detail: { from: `/archive?q=${encodeURIComponent("买卖合同")}`, pattern: link("/archive/"), fallback: recordId(5) }, group: "detail" },
  { name: "投诉 detail", path: "/complaints/:id", detail: { from: "/complaints", pattern: link("/complaints/"), fallback: complaintId(0) }, group: "detail" },
  { name: "借阅 detail", path: "/borrowing/:id", detail: { from: "/borrowing/register", pattern: link("/borrowing/"), fallback: loanId(0) }, group: "detail" },
  { name: "来电来访 detail", path: "/contacts/:id", detail: { from: "/contacts", pattern: link("/contacts/"), fallback: contactId(0) }, group: "detail" },
  { name: "绩效 detail", path: "/appraisal/:id", detail: { from: "/appraisal", pattern: link("/appraisal/") }, group: "detail" },
  { name: "房号 detail", path: "/units/:id", detail: { from: `/search?q=${encodeURIComponent("0101")}`, pattern: link("/units/") }, group: "detail" },
  { name: "统计 /statistics", path: "/statistics", group: "statistics" },
  { name: "档案统计 /archive/statistics", path: "/archive/statistics", group: "statistics" },
  { name: "借阅统计 /borrowing/statistics", path: "/borrowing/statistics", group: "statistics" },
  { name: "投诉统计 /complaints/stats", path: "/complaints/stats", group: "statistics" },
  { name: "绩效统计 /appraisal/statistics", path: "/appraisal/statistics", group: "statistics" },
  { name: "年终绩效 /appraisal/year-end", path: "/appraisal/year-end", group: "statistics" },
];
