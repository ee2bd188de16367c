import type { APIResponse, Page } from "@playwright/test";
import { generateClients } from "../../prisma/seed/clients";
import { test, expect, signInAs, zh } from "../fixtures";

// Issue 16 #3: security headers on every kind of response, a nonce CSP that the portal's pages
// work under, and no framing. (The headers come from proxy.ts and next.config.ts, their values
// from server/http/security-headers.ts, unit-tested beside it.)

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The CSP nonce of a response, after checking every security header on it. */
function expectSecurityHeaders(res: APIResponse, what: string): string {
  const h = res.headers();
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  expect(h["permissions-policy"], what).toContain("microphone=()");
  expect(h["permissions-policy"], what).toContain("geolocation=()");
  const csp = h["content-security-policy"] ?? "";
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives.get("frame-ancestors"), `${what}: ${csp}`).toEqual(["'none'"]);
  const scripts = directives.get("script-src") ?? [];
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  const nonce = scripts.find((s) => s.startsWith("'nonce-"));
  expect(nonce, `${what}: ${csp}`).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
  return nonce!.slice("'nonce-".length, -1);
}

async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link like ${pattern} on ${path}`).toBeTruthy();
  return href!;
}

test("[安全] every kind of response carries the security headers and a fresh CSP nonce", async ({ page, request }) => {
  test.setTimeout(150_000);
  // Signed out: the sign-in page, a page that sends one there, an API route, the tRPC endpoint.
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  const loginNonce = expectSecurityHeaders(login, "/login");
  expect(expectSecurityHeaders(await request.get("/login"), "/login again")).not.toBe(loginNonce);
  // Next.js puts the nonce on each of its own scripts; no script without it.
  const html = await login.text();
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${loginNonce}"`);

  expectSecurityHeaders(await request.get("/complaints", { maxRedirects: 0 }), "/complaints signed out (redirect)");
  expectSecurityHeaders(await request.get("/api/complaints/stats/export?format=csv&from=2026-01-01&to=2026-12-31"), "API route signed out");
  const trpcOut = await request.get("/api/trpc/account.me");
  expect(trpcOut.status()).toBe(401);
  expectSecurityHeaders(trpcOut, "tRPC signed out");
  expectSecurityHeaders(await request.get("/no-such-page"), "404 page");

  // Signed in: pages, an API route, tRPC, a print page and the PDF Chromium renders from it.
  await signInAs(page, "manager");
  const complaint = await firstHref(page, "/complaints", new RegExp(`^/complaints/${UUID}$`));
  for (const path of ["/", complaint, "/statistics"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    expectSecurityHeaders(res, path);
  }
  const csv = await page.request.get("/api/complaints/stats/export?format=csv&from=2026-01-01&to=2026-12-31");
  expect(csv.status()).toBe(200);
  expectSecurityHeaders(csv, "CSV export");
  const trpc = await page.request.get("/api/trpc/account.me");
  expect(trpc.status()).toBe(200);
  expectSecurityHeaders(trpc, "tRPC signed in");

  const slip = (await firstHref(page, `/borrowing/register?borrower=${encodeURIComponent("黄伟")}`, new RegExp(`^/borrowing/${UUID}$`))).split("/").pop();
  const printPage = await page.request.get(`/print/borrow-slip/${slip}`);
  expect(printPage.status()).toBe(200);
  expectSecurityHeaders(printPage, "print page");
  const pdf = await page.request.get(`/api/print/borrow-slip/${slip}`, { timeout: 90_000 });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expectSecurityHeaders(pdf, "print PDF");

  // A build asset: not a document, so no CSP, but never sniffed.
  const asset = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(asset).toBeTruthy();
  expect((await request.get(asset!)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("[安全] pages work under the CSP: no Content Security Policy message while signing in and working", async ({ page }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => violations.push(`${page.url()}: ${e.message}`));
  // Staff: client-side navigation (chunks loaded by the nonce'd scripts), a form checked in the
  // browser (zod), search-as-you-type over tRPC.
  await signInAs(page, "staff");
  await page.getByTestId("sidebar").locator("a[href='/complaints']").first().click();
  await expect(page).toHaveURL(/\/complaints$/);
  await page.goto("/complaints/new");
  const client = generateClients().find((x) => x.kind === "individual")!;
  await page.keyboard.type(client.name);
  await expect(page.getByRole("option").filter({ hasText: client.name }).first()).toBeVisible();
  await page.getByRole("button", { name: zh.complaints.submitIntake }).click();
  await page.getByRole("button", { name: zh.nav.signOut }).click();
  await expect(page).toHaveURL(/\/login/);
  // The manager: charts, registers, search, the print centre, a print page.
  await signInAs(page, "manager");
  for (const path of ["/statistics", "/complaints/stats", "/archive", "/borrowing/register", "/search?q=%E5%8D%8E", "/print"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("sidebar")).toContainText("Dashboard");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByTestId("sidebar")).not.toContainText("Dashboard");
  const slip = await firstHref(page, `/borrowing/register?borrower=${encodeURIComponent("黄伟")}`, new RegExp(`^/borrowing/${UUID}$`));
  await page.goto(`/print/borrow-slip/${slip.split("/").pop()}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("[安全] a script injected into a page without the nonce does not run", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (m) => messages.push(m.text()));
  // The sign-in page as the server sent it (its CSP header and all), with an inline script
  // added, as a stored XSS would add one.
  await page.route("**/login", async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace("</body>", "<script>document.documentElement.dataset.pwned = '1'</script></body>");
    await route.fulfill({ response: res, body });
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: zh.auth.submit })).toBeVisible();
  await expect(page.locator("html[data-pwned]")).toHaveCount(0);
  await expect.poll(() => messages.some((m) => m.includes("Content Security Policy") && m.includes("script-src"))).toBe(true);
});

test("[安全] another site's page (same site, another port) cannot frame the portal", async ({ page }) => {
  await signInAs(page, "manager");
  const complaint = await firstHref(page, "/complaints", new RegExp(`^/complaints/${UUID}$`));
  const target = new URL(complaint, page.url()).href;
  // Same site as the portal (127.0.0.1), so the session cookie would go with the framed request.
  await page.route("http://127.0.0.1:3219/framer.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><body><iframe src="${target}" width="900" height="600" onload="document.body.dataset.loaded='1'"></iframe></body>`,
    }),
  );
  await page.goto("http://127.0.0.1:3219/framer.html");
  await expect(page.locator("body[data-loaded='1']")).toBeAttached();
  await expect(page.frameLocator("iframe").getByTestId("current-user")).toHaveCount(0);
  // Chromium replaces a frame refused by frame-ancestors with its error page.
  const framed = page.frames().filter((f) => f !== page.mainFrame());
  expect(framed.map((f) => f.url())).toEqual(["chrome-error://chromewebdata/"]);
});

test("[安全] the session cookie is HttpOnly and SameSite=Lax, and a new sign-in gets a new session", async ({ page, context }) => {
  await signInAs(page, "staff");
  const first = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(first, "the session cookie").toBeTruthy();
  expect(first!.httpOnly).toBe(true);
  expect(first!.sameSite).toBe("Lax");
  expect(first!.path).toBe("/");
  // Signing in again (7.2.4): another token, so a session fixed before sign-in is never reused.
  await context.clearCookies();
  await signInAs(page, "staff");
  const second = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(second!.value).not.toBe(first!.value);
});
