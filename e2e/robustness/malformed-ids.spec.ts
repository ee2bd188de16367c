import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, signInAs } from "../fixtures";

// Issue 15 §4: an id in a URL that names nothing — malformed (not a uuid, too long, NUL, SQL-ish,
// an md5 shaped like a uuid that PostgreSQL would take but the product never issues) or a
// well-formed uuid nobody holds — answers 404, never 500. The routes are read from app/, so a new
// [id] page or route is walked too; it fails here until it is given a user who may open it.

type Route = { file: string; template: string };

/** Every page.tsx / route.ts under a dynamic segment, as a URL template ("/archive/[recordId]"). */
function dynamicRoutes(dir = path.resolve("app"), rel: string[] = []): Route[] {
  const out: Route[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...dynamicRoutes(path.join(dir, e.name), [...rel, e.name]));
    else if ((e.name === "page.tsx" || e.name === "route.ts") && rel.some((s) => /^\[.+\]$/.test(s))) {
      // Route groups "(portal)" are not part of the URL.
      const template = "/" + rel.filter((s) => !/^\(.+\)$/.test(s)).join("/");
      out.push({ file: path.join("app", ...rel, e.name), template });
    }
  }
  return out;
}

// Who opens each route: a role that may, so the 404 is about the id and not a refusal.
const OPENED_BY: Record<string, string> = {
  "/admin/archive-classes/[classId]": "admin",
  "/admin/projects/[projectId]": "admin",
  "/admin/users/[userId]": "admin",
  "/appraisal/[appraisalId]": "manager",
  "/appraisal/year-end/[employeeId]": "manager",
  "/archive/[recordId]": "manager",
  "/archive/boxes/[boxId]": "archivist",
  "/archive/handover/[batchId]": "archivist",
  "/archive/stock-takes/[stockTakeId]": "archivist",
  "/archive/weeding/[listId]": "archivist",
  "/borrowing/[requestId]": "manager",
  "/borrowing/certificates/[handoutId]": "archivist",
  "/complaints/[complaintId]": "manager",
  "/complaints/repairs/[repairId]": "manager",
  "/contacts/[contactId]": "manager",
  "/contacts/reports/[reportId]": "manager",
  "/notifications/[notificationId]": "staff",
  "/units/[unitId]": "manager",
  "/print/appraisal-stats/[id]": "manager",
  "/print/appraisal/[id]": "manager",
  "/print/borrow-register/[id]": "archivist",
  "/print/borrow-slip/[id]": "archivist",
  "/print/certificate-handout/[id]": "archivist",
  "/print/complaint-callback/[id]": "manager",
  "/print/complaint-sheet/[id]": "manager",
  "/print/complaint-stats/[id]": "manager",
  "/print/contact-report/[id]": "manager",
  "/print/handover/[id]": "archivist",
  "/print/labels/[id]": "archivist",
  "/print/repair/[id]": "manager",
  "/print/weeding/[id]": "archivist",
  "/api/archive/attachments/[attachmentId]": "archivist",
  "/api/contacts/reports/[id]/export": "manager",
  "/api/print/appraisal-stats/[id]": "manager",
  "/api/print/appraisal/[id]": "manager",
  "/api/print/borrow-register/[id]": "archivist",
  "/api/print/borrow-slip/[id]": "archivist",
  "/api/print/certificate-handout/[id]": "archivist",
  "/api/print/complaint-callback/[id]": "manager",
  "/api/print/complaint-sheet/[id]": "manager",
  "/api/print/complaint-stats/[id]": "manager",
  "/api/print/contact-report/[id]": "manager",
  "/api/print/handover/[id]": "archivist",
  "/api/print/labels/[id]": "archivist",
  "/api/print/repair/[id]": "manager",
  "/api/print/weeding/[id]": "archivist",
  "/api/statistics/[kind]/export": "manager",
  // A procedure path: tRPC answers 404 for a name it does not know.
  "/api/trpc/[trpc]": "manager",
};
// Catch-alls that belong to a library, not to a record: next-auth's own endpoints.
const NOT_AN_ID = new Set(["/api/auth/[...nextauth]"]);

const BAD_IDS: [string, string][] = [
  ["not a uuid", "not-a-uuid"],
  ["too long", "a".repeat(300)],
  ["NUL", "%00"],
  ["NUL inside a uuid", "00000000-0000-4000-8000-%0000000000"],
  ["SQL-ish", encodeURIComponent("1' OR '1'='1")],
  ["SQL-ish cast", encodeURIComponent("x'::uuid); DROP TABLE \"User\";--")],
  // PostgreSQL accepts these as uuids; the product issues only RFC uuids (v4).
  ["md5 as a uuid", "d41d8cd9-8f00-b204-e980-0998ecf8427e"],
  ["32 hex digits", "d41d8cd98f00b204e9800998ecf8427e"],
  ["well-formed, unknown", crypto.randomUUID()],
];

const routes = dynamicRoutes().filter((r) => !NOT_AN_ID.has(r.template));

test("[健壮性] every dynamic route under app/ has a user to open it", () => {
  const missing = routes.filter((r) => !OPENED_BY[r.template]).map((r) => `${r.template} (${r.file})`);
  expect(missing, "add these routes to OPENED_BY with a role that may open them").toEqual([]);
  const stale = Object.keys(OPENED_BY).filter((t) => !routes.some((r) => r.template === t));
  expect(stale, "routes that no longer exist").toEqual([]);
  expect(routes.length).toBeGreaterThan(40);
});

const byLogin = new Map<string, Route[]>();
for (const r of routes) {
  const login = OPENED_BY[r.template];
  if (login) byLogin.set(login, [...(byLogin.get(login) ?? []), r]);
}

for (const [login, list] of byLogin) {
  test.describe(`[健壮性] as ${login}`, () => {
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await browser.newPage();
      await signInAs(page, login);
    });
    test.afterAll(async () => {
      await page?.close();
    });

    for (const r of list) {
      test(`${r.template} answers 404 for an id that names nothing`, async () => {
        const wrong: string[] = [];
        for (const [what, id] of BAD_IDS) {
          const url = r.template.replace(/\[[^\]]+\]/g, id);
          const res = await page.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
          if (res.status() !== 404) wrong.push(`${what}: ${res.status()} ${res.headers()["location"] ?? ""}`.trim());
        }
        expect(wrong, `${r.template} (${r.file})`).toEqual([]);
      });
    }
  });
}
