// Print benchmark (issue 8; figures in bench/README.md — not a timed test):
//   npx tsx bench/print.ts [--n 100] [--pages 2]
// On an in-memory PGlite with the demo seed, for the one-page 剔除/销毁清单:
//   service  printPdf(): role check, records read, token, Chromium fetching the print page over
//            HTTP (React SSR of the same components as the Next.js page), page.pdf, audit entry
//   page     renderPdf() of the print page over HTTP only (no database read, no audit)
//   floor    Chromium printing the same form saved as a static HTML file (file://), same pool
// Each: warm latency (sequential, after warm-up) and throughput of N forms through a pool of
// --pages pages (PRINT_MAX_PAGES), N requests submitted at once.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase } from "../server/db/client";
import { seedAll, DEMO_WEEDING_REASON } from "../prisma/seed/index";
import { PrintPool } from "../server/print/browser-pool";
import { renderPdf, type PdfTarget } from "../server/print/render-pdf";
import { printPdf, printPagePath } from "../server/print/print.service";
import { signPrintToken } from "../server/print/print-token";
import { weedingListForm } from "../server/print/forms/weeding-list";
import { startPrintOrigin } from "../tests/integration/print-origin";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("n", 100);
const PAGES = arg("pages", 2);
const SEQ = 20;

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function measure(name: string, once: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await once(); // warm: browser, pages, fonts, JIT
  const lat: number[] = [];
  for (let i = 0; i < SEQ; i++) {
    const t0 = performance.now();
    await once();
    lat.push(ms(t0));
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: N }, () => once()));
  const wall = ms(t0);
  const r = { name, median: pct(lat, 50), p95: pct(lat, 95), wallMs: wall, perSecond: (N * 1000) / wall };
  console.log(`${name.padEnd(8)} warm median ${r.median.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms; ${N} forms in ${(wall / 1000).toFixed(2)} s = ${r.perSecond.toFixed(2)} forms/s`);
  return r;
}

process.env.PGLITE_DATA_DIR = "memory://";
const db = await openDatabase();
const secret = crypto.randomBytes(32).toString("base64url");
const origin = await startPrintOrigin(db, secret);
const pool = new PrintPool({ maxPages: PAGES, queueLimit: N + 10, queueTimeoutMs: 600_000, restartAfter: 100_000 });
try {
  await seedAll(db);
  const list = await db.weedingList.findFirstOrThrow({ where: { reason: DEMO_WEEDING_REASON }, select: { id: true } });
  const m = await db.user.findUniqueOrThrow({ where: { loginName: "manager" }, select: { id: true, displayName: true } });
  const actor = { id: m.id, name: m.displayName, roles: ["manager" as const] };
  const ids = [list.id];
  const pageUrl = () => `${origin.origin}${printPagePath(weedingListForm, ids)}?t=${signPrintToken(secret, { form: "weeding", ids, userId: actor.id })}`;

  // The floor's input: the very HTML the print page serves, as a file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "print-bench-"));
  const file = path.join(dir, "weeding.html");
  fs.writeFileSync(file, await (await fetch(pageUrl())).text());
  const floorTarget: PdfTarget = { url: `file://${file}` };

  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, pool of ${PAGES} pages, N=${N}`);
  const service = await measure("service", () => printPdf(db, actor, weedingListForm, ids, { pool, origin: origin.origin, secret }));
  const page = await measure("page", () => renderPdf(pool, () => ({ url: pageUrl() })));
  const floor = await measure("floor", () => renderPdf(pool, floorTarget));
  console.log(
    `ratio service/floor: latency ${(service.median / floor.median).toFixed(2)}×, throughput ${(floor.perSecond / service.perSecond).toFixed(2)}×; ` +
      `page/floor: latency ${(page.median / floor.median).toFixed(2)}×, throughput ${(floor.perSecond / page.perSecond).toFixed(2)}×`,
  );
  console.log(`pool: ${JSON.stringify(pool.stats())}`);
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  await pool.close();
  await origin.close();
  await closeDatabase(db);
}
