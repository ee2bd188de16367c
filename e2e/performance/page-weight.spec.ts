import { test, expect, signInAs } from "../fixtures";
import { weigh } from "../page-weight";

// Page weight (issue 15): a list page's HTML, which carries the page data inline, and its RSC
// payload (a client-side navigation) each stay ≤ 150 KB with 50 rows. Bytes, not time: the
// figures depend on the code and the seeded data only. The e2e seed has fewer than 50 rows per
// list, so each page is weighed twice, as seeded and filtered down to nothing; the difference
// per row, times 50, plus the empty page is what 50 rows would weigh.
const LIMIT = 150 * 1024;
const ROWS = 50;
const NONE = encodeURIComponent("无此记录zz");

// known: "over" — still over the limit at 50 rows (server-rendered rows, ~3-7 KB each counting the
// page data; the next to convert to client rows like the archive's): expected to fail until fixed.
// "unweighed" — the empty filter does not empty this page or its items are not table rows yet.
type ListPage = { login: string; path: string; empty: string; known?: "over" | "unweighed" };
const LIST_PAGES: ListPage[] = [
  { login: "archivist", path: "/archive", empty: `/archive?q=${NONE}` },
  { login: "manager", path: "/complaints", empty: `/complaints?q=${NONE}` },
  { login: "manager", path: "/complaints/repairs", empty: `/complaints/repairs?q=${NONE}` },
  { login: "staff", path: "/borrowing", empty: `/borrowing?q=${NONE}`, known: "over" },
  { login: "manager", path: "/borrowing/approvals", empty: `/borrowing/approvals?q=${NONE}`, known: "over" },
  { login: "archivist", path: "/borrowing/desk", empty: `/borrowing/desk?q=${NONE}`, known: "over" },
  { login: "manager", path: "/borrowing/register", empty: "/borrowing/register?from=2000-01-01&to=2000-01-02", known: "over" },
  { login: "manager", path: "/borrowing/certificates", empty: `/borrowing/certificates?q=${NONE}`, known: "over" },
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

for (const { login, path, empty, known } of LIST_PAGES) {
  test(`[页面体积] ${path} as ${login}: ≤ 150 KB with ${ROWS} rows`, async ({ page }) => {
    test.fixme(known === "unweighed", "no filter that empties this page yet, or its items are not table rows");
    test.fail(known === "over", "still over 150 KB at 50 rows (server-rendered rows)");
    await signInAs(page, login);
    const full = await weigh(page.request, path);
    const none = await weigh(page.request, empty);
    const perRow = (kind: "html" | "rsc") => (full.rows ? Math.max(0, full[kind] - none[kind]) / full.rows : 0);
    const at50 = (kind: "html" | "rsc") => Math.round(none[kind] + ROWS * perRow(kind));
    // The figures of bench/PAGE-WEIGHT.md, printed before any check so a failing page shows them too.
    console.log(`[weight] ${path}\t${login}\thtml ${full.html}\trsc ${full.rsc}\trows ${full.rows}\tempty html ${none.html}\tempty rsc ${none.rsc}\tat ${ROWS}: html ${at50("html")}\trsc ${at50("rsc")}`);
    expect(full.status, path).toBe(200);
    expect(full.rscStatus, path).toBe(200);
    expect(full.html, `${path} HTML as seeded`).toBeLessThanOrEqual(LIMIT);
    expect(full.rsc, `${path} RSC as seeded`).toBeLessThanOrEqual(LIMIT);
    if (empty === path) return; // a page without rows to filter (the unit browser's cards)
    expect(full.rows, `${path} has seeded rows to weigh`).toBeGreaterThan(0);
    expect(none.rows, `${empty} filters every row out`).toBe(0);
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
