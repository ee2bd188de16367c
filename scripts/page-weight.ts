// What a page weighs: signs in as a user and prints, for each path, the HTML bytes, the RSC
// payload bytes (the request a client-side navigation makes: header `RSC: 1`, and Next 16 first
// redirects it to `?_rsc=`) and the table rows.
// Bytes, not time: the figures in bench/PAGE-WEIGHT.md come from this.
// Usage: npx tsx scripts/page-weight.ts <baseURL> <login> <password> /path [/path …]
import { chromium } from "@playwright/test";
import { weigh } from "../e2e/page-weight";

const [base, login, password, ...paths] = process.argv.slice(2);
if (!base || !login || !password || paths.length === 0) {
  console.error("usage: page-weight.ts <baseURL> <login> <password> /path …");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  timeout: 30_000,
});
try {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  if (login !== "-") {
    await page.goto(`${base}/login`);
    await page.fill("#loginName", login);
    await page.fill("#password", password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
  }
  console.log(["path", "html", "rsc", "rows"].join("\t"));
  for (const p of paths) {
    const w = await weigh(context.request, `${base}${p}`);
    console.log([p, w.html, w.rsc, w.rows].join("\t"));
  }
} finally {
  await browser.close();
}
