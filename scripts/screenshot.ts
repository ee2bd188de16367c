// Looks at the portal as a user would: signs in and saves screenshots of the given paths.
// Usage: npx tsx scripts/screenshot.ts <baseURL> <login> <password> <outDir> /path [/path …]
import { chromium } from "@playwright/test";

const [base, login, password, outDir, ...paths] = process.argv.slice(2);
if (!base || !login || !password || !outDir || paths.length === 0) {
  console.error("usage: screenshot.ts <baseURL> <login> <password> <outDir> /path …");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  timeout: 30_000,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/login`);
  await page.screenshot({ path: `${outDir}/login.png` });
  await page.fill("#loginName", login);
  await page.fill("#password", password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
  for (const p of paths) {
    await page.goto(`${base}${p}`);
    await page.waitForLoadState("networkidle");
    const name = p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home";
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
    console.log(`${outDir}/${name}.png`);
  }
} finally {
  await browser.close();
}
