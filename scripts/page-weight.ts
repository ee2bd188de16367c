// What a page weighs: signs in as a user and prints, for each path, the HTML bytes, the RSC
// payload bytes (the request a client-side navigation makes: header `RSC: 1`, and Next 16 first
// redirects it to `?_rsc=`) and the table rows.
// Bytes, not time: the figures in bench/PAGE-WEIGHT.md come from this.
// Usage: npx tsx scripts/page-weight.ts <baseURL> <login> <password> /path [/path …]
import { chromium } from "@playwright/test";

const [base, login, password, ...paths] = process.argv.slice(2);
if (!base || !login || !password || paths.length === 0) {
  console.error("usage: page-weight.ts <baseURL> <login> <password> /path …");
  process.exit(2);
}

/** Rows of the page's tables (<tr> inside <tbody>) or of its lists marked data-row. */
export function rowsOf(html: string): number {
  let rows = 0;
  for (const m of html.matchAll(/<tbody[\s\S]*?<\/tbody>/g)) rows += (m[0].match(/<tr[\s>]/g) ?? []).length;
  return rows + (html.match(/data-row[=\s>]/g) ?? []).length;
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
    const html = await (await context.request.get(`${base}${p}`, { maxRedirects: 0 })).text();
    const rsc = await (await context.request.get(`${base}${p}`, { headers: { RSC: "1" } })).body();
    console.log([p, Buffer.byteLength(html), rsc.length, rowsOf(html)].join("\t"));
  }
} finally {
  await browser.close();
}
