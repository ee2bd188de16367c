// Walks the portal as a user and reports what a user must never see: a next-intl error
// (MISSING_MESSAGE …) in the browser console, a raw catalogue key on screen ("archive.title"),
// or an error page. Visits every page without an [id] in its path, then the first detail page
// linked from each list. Usage: npx tsx scripts/walk-pages.ts <baseURL> <login> [<login> …]
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { MESSAGES } from "../server/i18n/config";

const [base, ...logins] = process.argv.slice(2);
if (!base || logins.length === 0) {
  console.error("usage: walk-pages.ts <baseURL> <login> …");
  process.exit(2);
}

function staticRoutes(dir = "app", prefix = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith("[") || e.name === "api" || e.name === "(print)") continue;
    const seg = e.name.startsWith("(") ? "" : `/${e.name}`;
    const sub = path.join(dir, e.name);
    if (fs.existsSync(path.join(sub, "page.tsx"))) out.push(prefix + seg || "/");
    out.push(...staticRoutes(sub, prefix + seg));
  }
  return [...new Set(out)];
}
const namespaces = Object.keys(MESSAGES["zh-CN"]);
const rawKey = new RegExp(`\\b(${namespaces.join("|")})\\.[A-Za-z_]+`);
const detail = /^\/(archive|borrowing|complaints|contacts|appraisal|units|notifications|admin\/users|admin\/projects|archive\/handover|archive\/weeding|archive\/boxes|archive\/stock-takes|borrowing\/certificates|complaints\/repairs|contacts\/reports)\/[0-9a-f-]{36}$/;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
let problems = 0;
try {
  for (const login of logins) {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /MISSING_MESSAGE|INSUFFICIENT_PATH|INVALID_KEY|FORMATTING_ERROR|next-intl/i.test(m.text())) errors.push(m.text().slice(0, 200));
    });
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message.slice(0, 200)}`));
    await page.goto(`${base}/login`);
    await page.fill("#loginName", login);
    await page.fill("#password", "Demo@2026");
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
    const queue = staticRoutes().filter((r) => r !== "/login" && r !== "/change-password");
    const seen = new Set<string>();
    const details = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
      const p = queue[i]!;
      if (seen.has(p)) continue;
      seen.add(p);
      errors.length = 0;
      const res = await page.goto(`${base}${p}`);
      await page.waitForLoadState("networkidle").catch(() => {});
      const text = await page.locator("body").innerText();
      const key = rawKey.exec(text)?.[0];
      const landed = new URL(page.url()).pathname;
      const bad = [...errors, ...(key ? [`raw key on screen: ${key}`] : []), ...((res?.status() ?? 200) >= 500 ? [`status ${res?.status()}`] : [])];
      if (bad.length) problems++;
      console.log(`${login}\t${p}${landed !== p ? ` → ${landed}` : ""}\t${bad.length ? bad.join(" | ") : "ok"}`);
      for (const href of await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
        const pathOnly = href.split("?")[0]!;
        const kind = pathOnly.replace(/\/[0-9a-f-]{36}$/, "");
        // The bench generators' md5 ids are not valid UUIDs (their pages are another issue's 404s).
        const validId = /[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(pathOnly);
        if (detail.test(pathOnly) && validId && !details.has(kind)) {
          details.add(kind);
          queue.push(pathOnly);
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(problems ? `${problems} page(s) with problems` : "no problems");
process.exit(problems ? 1 : 0);
