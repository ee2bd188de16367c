import { test, expect, signInAs } from "../fixtures";
import { weigh } from "../page-weight";

// Page weight (issue 15): a list page's HTML, which carries the page data inline, and its RSC
// payload (a client-side navigation) each stay ≤ 150 KB with 50 rows. Bytes, not time: the
// figures depend on the code and the seeded data only. The e2e seed has fewer than 50 rows per
// list, so each page is weighed as seeded and filtered down to nothing; the difference per row,
// times 50, plus the empty page is what 50 rows would weigh. A page given `fewer` (a filter that
// leaves some of its rows, in the same tables) is projected from that difference instead:
// the table's frame (header, pagination, bulk bar, its client components' script references)
// is in both, so only rows are multiplied — with 1–5 seeded rows the frame counted 10–50 times.
const LIMIT = 150 * 1024;
const ROWS = 50;
const NONE = encodeURIComponent("无此记录zz");
const q = (s: string) => encodeURIComponent(s);

// known: "over" — still over the limit at 50 rows: expected to fail until fixed.
// "unweighed" — the empty filter does not empty this page, its items are not table rows yet, or
// the seed leaves no filter that keeps its tables with fewer rows (one row per table).
type ListPage = { login: string; path: string; empty: string; fewer?: string; known?: "over" | "unweighed" };
const LIST_PAGES: ListPage[] = [
  { login: "archivist", path: "/archive", empty: `/archive?q=${NONE}` },
  { login: "manager", path: "/complaints", empty: `/complaints?q=${NONE}` },
  { login: "manager", path: "/complaints/repairs", empty: `/complaints/repairs?q=${NONE}` },
  { login: "staff", path: "/borrowing", empty: `/borrowing?q=${NONE}`, fewer: `/borrowing?q=${q("律师")}` },
  // 待我审批 holds one slip and one renewal in the seed, each in a table of its own.
  { login: "manager", path: "/borrowing/approvals", empty: `/borrowing/approvals?q=${NONE}`, known: "unweighed" },
  { login: "manager", path: "/borrowing/approvals?view=decided", empty: `/borrowing/approvals?view=decided&q=${NONE}`, fewer: `/borrowing/approvals?view=decided&q=${q("王丽娜")}` },
  // 待借出 holds one slip in the seed; 借出中 five.
  { login: "archivist", path: "/borrowing/desk", empty: `/borrowing/desk?q=${NONE}`, known: "unweighed" },
  { login: "archivist", path: "/borrowing/desk?view=onLoan", empty: `/borrowing/desk?view=onLoan&q=${NONE}`, fewer: `/borrowing/desk?view=onLoan&q=${q("黄伟")}` },
  { login: "manager", path: "/borrowing/register", empty: "/borrowing/register?from=2000-01-01&to=2000-01-02", fewer: `/borrowing/register?borrower=${q("黄伟")}` },
  { login: "manager", path: "/borrowing/certificates", empty: `/borrowing/certificates?q=${NONE}`, fewer: `/borrowing/certificates?q=${q("何建华")}` },
  { login: "manager", path: "/contacts", empty: `/contacts?q=${NONE}` },
  { login: "manager", path: "/contacts/reports", empty: "/contacts/reports?status=voided", known: "unweighed" },
  { login: "manager", path: "/appraisal", empty: `/appraisal?q=${NONE}` },
  { login: "auditor", path: "/audit", empty: `/audit?actor=${NONE}` },
  { login: "archivist", path: "/archive/boxes", empty: `/archive/boxes?q=${NONE}` },
  { login: "archivist", path: "/archive/stock-takes", empty: "/archive/stock-takes?status=cancelled", known: "unweighed" },
  { login: "archivist", path: "/archive/handover", empty: "/archive/handover?status=rejected", known: "unweighed" },
  { login: "manager", path: "/notifications", empty: "/notifications?unread=1", known: "unweighed" },
  { login: "manager", path: "/search?q=%E7%8E%8B", empty: `/search?q=${NONE}`, known: "unweighed" },
  { login: "manager", path: "/units", empty: "/units" },
];

for (const { login, path, empty, fewer, known } of LIST_PAGES) {
  test(`[页面体积] ${path} as ${login}: ≤ 150 KB with ${ROWS} rows`, async ({ page }) => {
    test.fixme(known === "unweighed", "no filter that empties this page yet, or its items are not table rows");
    test.fail(known === "over", "still over 150 KB at 50 rows (server-rendered rows)");
    await signInAs(page, login);
    const full = await weigh(page.request, path);
    const none = await weigh(page.request, empty);
    const base = fewer ? await weigh(page.request, fewer) : none;
    const perRow = (kind: "html" | "rsc") => (full.rows > base.rows ? Math.max(0, full[kind] - base[kind]) / (full.rows - base.rows) : 0);
    const at50 = (kind: "html" | "rsc") => Math.round(base[kind] + (ROWS - base.rows) * perRow(kind));
    // The figures of bench/PAGE-WEIGHT.md, printed before any check so a failing page shows them too.
    const from = fewer ? `\tfewer rows ${base.rows} html ${base.html} rsc ${base.rsc}` : "";
    console.log(`[weight] ${path}\t${login}\thtml ${full.html}\trsc ${full.rsc}\trows ${full.rows}\tempty html ${none.html}\tempty rsc ${none.rsc}${from}\tat ${ROWS}: html ${at50("html")}\trsc ${at50("rsc")}`);
    expect(full.status, path).toBe(200);
    expect(full.rscStatus, path).toBe(200);
    expect(full.html, `${path} HTML as seeded`).toBeLessThanOrEqual(LIMIT);
    expect(full.rsc, `${path} RSC as seeded`).toBeLessThanOrEqual(LIMIT);
    if (empty === path) return; // a page without rows to filter (the unit browser's cards)
    expect(full.rows, `${path} has seeded rows to weigh`).toBeGreaterThan(0);
    expect(none.rows, `${empty} filters every row out`).toBe(0);
    if (fewer) {
      expect(base.status, fewer).toBe(200);
      expect(base.rows, `${fewer} keeps some rows, fewer than ${path}`).toBeGreaterThan(0);
      expect(base.rows, `${fewer} keeps some rows, fewer than ${path}`).toBeLessThan(full.rows);
    }
    expect(at50("html"), `${path} HTML at ${ROWS} rows`).toBeLessThanOrEqual(LIMIT);
    expect(at50("rsc"), `${path} RSC at ${ROWS} rows`).toBeLessThanOrEqual(LIMIT);
  });
}

test("[页面体积] the sign-in page and the layout stay slim", async ({ page }) => {
  const login = await weigh(page.request, "/login");
  expect(login.html).toBeLessThanOrEqual(40 * 1024);
  await signInAs(page, "manager");
  const forbidden = await weigh(page.request, "/forbidden");
  expect(forbidden.html).toBeLessThanOrEqual(60 * 1024);
  expect(forbidden.rsc).toBeLessThanOrEqual(40 * 1024);
});
