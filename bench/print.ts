// Print benchmark (issues 8 and 15; figures in bench/README.md — not a timed test):
//   npx tsx bench/print.ts [--n 100] [--pages 2]             warm latency + N forms at once
//   npx tsx bench/print.ts --burst 30 --users 5 [--rounds 3] [--modes service,floor]  a burst from several users
// On an in-memory PGlite with the demo seed, for the one-page 剔除/销毁清单:
//   service  printPdf(): role check, records read, the page's HTML rendered here (print-html.tsx),
//            Chromium setContent + page.pdf, audit entry
//   page     the way printing worked before issue 15: Chromium fetching the print page over HTTP
//            with a token (a second read and a second React render per form), then page.pdf
//   floor    Chromium printing the same form saved as a static HTML file (file://) with the installed
//            fonts, as the page reached Chromium before print-fonts.ts: what Chromium alone needs for it
//   floor-subset  the service's own HTML (fonts cut down to the form's characters) through setContent:
//            Chromium's part of `service`, nothing else
// Sequential mode: warm latency (20 renders after 5 warm-up) and throughput of N forms through a
// pool of --pages pages (PRINT_MAX_PAGES), N requests submitted at once.
// Burst mode: --users actors each submit --burst/--users prints at the same moment; the modes
// take turns for --rounds rounds (so a busy moment of the machine hits all of them), and the peak
// memory of Node (RSS) and of Chromium (PSS summed over its processes) is sampled every 250 ms.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase } from "../server/db/client";
import { seedAll, DEMO_WEEDING_REASON } from "../prisma/seed/index";
import { PrintPool } from "../server/print/browser-pool";
import { renderPdf, type PdfTarget } from "../server/print/render-pdf";
import { printHtml } from "../server/print/print-html";
import { prepareDocuments } from "../server/print/print-document";
import { printPdf, printPagePath, type PrintActor } from "../server/print/print.service";
import { signPrintToken } from "../server/print/print-token";
import { weedingListForm } from "../server/print/forms/weeding-list";
import { hasAnyRole } from "../server/auth/roles";
import { startPrintOrigin } from "../tests/integration/print-origin";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BURST = arg("burst", 0);
const USERS = arg("users", 5);
const ROUNDS = arg("rounds", 3);
const N = arg("n", 100);
const PAGES = arg("pages", 2);
const RESTART_AFTER = arg("restart-after", 300);
const SEQ = 20;

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

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
  console.log(`${name.padEnd(10)} warm median ${r.median.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms; ${N} forms in ${(wall / 1000).toFixed(2)} s = ${r.perSecond.toFixed(2)} forms/s`);
  return r;
}

// ── memory ───────────────────────────────────────────────────────────────────────────────
/** The pids of `root` and all its descendants (Chromium's renderer, GPU and utility processes). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** Proportional set size in bytes (shared pages counted once across the tree); RSS if unreadable. */
function pssOf(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // fall through
  }
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function memorySampler(pool: PrintPool) {
  const peak = { node: 0, chromium: 0, total: 0 };
  // Walking /proc is not free on a busy machine: the tree is re-read every 2 s, sizes every 250 ms.
  let tree: { root: number; pids: number[]; at: number } | null = null;
  const sample = async () => {
    const node = process.memoryUsage().rss;
    const pid = (await pool.browserForTest())?.process()?.pid;
    if (pid && (!tree || tree.root !== pid || Date.now() - tree.at > 2_000)) tree = { root: pid, pids: processTree(pid), at: Date.now() };
    const chromium = pid && tree ? tree.pids.reduce((s, p) => s + pssOf(p), 0) : 0;
    peak.node = Math.max(peak.node, node);
    peak.chromium = Math.max(peak.chromium, chromium);
    peak.total = Math.max(peak.total, node + chromium);
  };
  const timer = setInterval(() => void sample(), 250);
  return {
    peak,
    reset: () => Object.assign(peak, { node: 0, chromium: 0, total: 0 }),
    stop: () => clearInterval(timer),
  };
}

// ── the run ──────────────────────────────────────────────────────────────────────────────
process.env.PGLITE_DATA_DIR = "memory://";
const db = await openDatabase();
const secret = crypto.randomBytes(32).toString("base64url");
const origin = await startPrintOrigin(db, secret);
const total = BURST || N;
// Generous render timeout: a shared machine must slow the figures down, not abort the run.
const pool = new PrintPool({ maxPages: PAGES, queueLimit: total + 10, queueTimeoutMs: 600_000, renderTimeoutMs: 300_000, restartAfter: BURST ? RESTART_AFTER : 1_000_000 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "print-bench-"));
try {
  await seedAll(db);
  const list = await db.weedingList.findFirstOrThrow({ where: { reason: DEMO_WEEDING_REASON }, select: { id: true } });
  const ids = [list.id];
  const users = await db.user.findMany({ where: { isActive: true }, orderBy: { loginName: "asc" }, select: { id: true, displayName: true, roles: { select: { role: true } } } });
  const actors: PrintActor[] = users
    .map((u) => ({ id: u.id, name: u.displayName, roles: u.roles.map((r) => r.role) }))
    .filter((a) => hasAnyRole(a.roles, weedingListForm.roles))
    .slice(0, USERS);
  if (actors.length < (BURST ? USERS : 1)) throw new Error(`only ${actors.length} seeded users may print the form; --users ${USERS}`);
  const actor = actors[0]!;
  const pageUrl = (a: PrintActor = actor) => `${origin.origin}${printPagePath(weedingListForm, ids)}?t=${signPrintToken(secret, { form: "weeding", ids, userId: a.id })}`;

  // The floors' input: the very HTML the service hands Chromium, with its subset fonts (floor-subset)
  // and without them, i.e. with the installed fonts, as a file (floor).
  const html = await printHtml(await prepareDocuments(weedingListForm, await weedingListForm.load(db, actor, ids, {})), actor, new Date());
  const file = path.join(dir, "weeding.html");
  fs.writeFileSync(file, html.replace(/<style>@font-face[\s\S]*?<\/style>/, "<style></style>"));
  const floorTarget: PdfTarget = { url: `file://${file}` };

  const allModes: Record<string, (a: PrintActor) => Promise<unknown>> = {
    service: (a) => printPdf(db, a, weedingListForm, ids, { pool }),
    floor: () => renderPdf(pool, floorTarget),
    page: (a) => renderPdf(pool, () => ({ url: pageUrl(a) })),
    "floor-subset": () => renderPdf(pool, { html }),
  };
  // --modes service,floor runs only those (a busy machine makes the full set slow).
  const chosen = process.argv.includes("--modes") ? process.argv[process.argv.indexOf("--modes") + 1]!.split(",") : Object.keys(allModes);
  const modes = Object.fromEntries(Object.entries(allModes).filter(([k]) => chosen.includes(k)));

  console.log(
    `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, ` +
      `pool of ${PAGES} pages, ${BURST ? `burst of ${BURST} from ${actors.length} users × ${ROUNDS} rounds, restart after ${RESTART_AFTER} renders` : `N=${N}`}`,
  );

  if (!BURST) {
    const r: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    for (const [name, once] of Object.entries(modes)) r[name] = await measure(name, () => once(actor));
    console.log(
      `ratio service/floor: latency ${(r.service!.median / r.floor!.median).toFixed(2)}×, throughput ${(r.floor!.perSecond / r.service!.perSecond).toFixed(2)}×; ` +
        (r["floor-subset"] ? `service/floor-subset: latency ${(r.service!.median / r["floor-subset"].median).toFixed(2)}×; ` : "") +
        (r.page ? `page/floor: latency ${(r.page.median / r.floor!.median).toFixed(2)}×, throughput ${(r.floor!.perSecond / r.page.perSecond).toFixed(2)}×` : ""),
    );
  } else {
    const mem = memorySampler(pool);
    for (const once of Object.values(modes)) for (let i = 0; i < 2; i++) await once(actor); // warm-up
    const per: Record<string, { forms: number; seconds: number; peakNode: number; peakChromium: number; peakTotal: number }> = {};
    for (const name of Object.keys(modes)) per[name] = { forms: 0, seconds: 0, peakNode: 0, peakChromium: 0, peakTotal: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      const line: string[] = [];
      for (const [name, once] of Object.entries(modes)) {
        mem.reset();
        const t0 = performance.now();
        // Every user submits their share at the same moment (a department printing after a meeting).
        await Promise.all(Array.from({ length: BURST }, (_, i) => once(actors[i % actors.length]!)));
        const s = ms(t0) / 1000;
        const p = per[name]!;
        p.forms += BURST;
        p.seconds += s;
        p.peakNode = Math.max(p.peakNode, mem.peak.node);
        p.peakChromium = Math.max(p.peakChromium, mem.peak.chromium);
        p.peakTotal = Math.max(p.peakTotal, mem.peak.total);
        line.push(`${name} ${(BURST / s).toFixed(2)}/s`);
        console.log(`  round ${round} ${name}: ${BURST} forms in ${s.toFixed(1)} s`);
      }
      console.log(`round ${round}: ${line.join(", ")}`);
    }
    mem.stop();
    console.log(`\n| mode | forms | seconds | forms/s | peak Node RSS | peak Chromium PSS | peak together |\n|---|---|---|---|---|---|---|`);
    for (const [name, p] of Object.entries(per)) {
      console.log(`| ${name} | ${p.forms} | ${p.seconds.toFixed(1)} | ${(p.forms / p.seconds).toFixed(2)} | ${mb(p.peakNode)} | ${mb(p.peakChromium)} | ${mb(p.peakTotal)} |`);
    }
    const rate = (n: string) => (per[n] ? per[n].forms / per[n].seconds : NaN);
    console.log(`\nservice ÷ floor forms/s: ${(rate("service") / rate("floor")).toFixed(2)} (≥ 1 is the target); service ÷ floor-subset: ${(rate("service") / rate("floor-subset")).toFixed(2)}; page (before) ÷ floor: ${(rate("page") / rate("floor")).toFixed(2)}`);
  }
  console.log(`pool: ${JSON.stringify(pool.stats())}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await pool.close();
  await origin.close();
  await closeDatabase(db);
}
