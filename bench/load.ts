// Load harness (by hand, never a CI test): the portal server (scripts/serve.ts) against the chosen database, signed in
// through next-auth's credentials flow, autocannon for each main page at each concurrency, and the
// table written to bench/RESULTS.md. See bench/README.md.
//   DATABASE_URL=postgresql://…/kefu_bench npm run bench:load -- --label postgres-production
//   PGLITE_DATA_DIR=./data/pglite-bench npm run bench:load -- --label pglite
//   npm run bench:load -- --base-url http://127.0.0.1:3100 --pages baseline,complaints   # a server already running
import fs from "node:fs";
import { parseArgs } from "node:util";
import { databaseKind, pgliteDataDir } from "../server/db/client";
import { openScriptDatabase } from "../prisma/seed/script-db";
import { drain, measure } from "./load/measure";
import { PAGES, type Login, type PageDef } from "./load/pages";
import { machine, table, upsertSection, type Row } from "./load/report";
import { signIn } from "./load/session";
import { rssMb, startNext, type Started } from "./load/server";
import { volumes } from "./load/volumes";
import pg from "pg";

const { values: args } = parseArgs({
  options: {
    label: { type: "string", default: databaseKind() },
    "base-url": { type: "string" },
    port: { type: "string", default: "3100" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "10,50" },
    timeout: { type: "string", default: "10" },
    pages: { type: "string" },
    drain: { type: "string", default: "45" },
    password: { type: "string", default: process.env.BENCH_PASSWORD ?? "Demo@2026" },
    out: { type: "string", default: "bench/RESULTS.md" },
    "print-burst": { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log("usage: npm run bench:load -- [--label NAME] [--duration 20] [--connections 10,50] [--timeout 10] [--pages a,b] [--base-url URL | --port 3100] [--drain 45] [--out bench/RESULTS.md] [--print-burst] [--list]");
  process.exit(0);
}
if (args.list) {
  for (const p of PAGES) console.log(`${p.group.padEnd(11)} ${p.name.padEnd(34)} ${p.path}`);
  process.exit(0);
}
const DURATION = Number(args.duration);
const CONNECTIONS = args.connections!.split(",").map(Number);
const TIMEOUT = Number(args.timeout);
const filter = args.pages?.split(",").map((s) => s.trim().toLowerCase());
const wanted = (p: PageDef) => p.group === "baseline" || !filter || filter.some((f) => p.name.toLowerCase().includes(f) || p.path.toLowerCase().includes(f) || p.group === f);
const log = (s: string) => console.log(`[load] ${s}`);
const r0 = (v: number | null) => (v === null ? "—" : Math.round(v));

async function resolveDetail(base: string, cookie: string, p: PageDef): Promise<{ path: string; note?: string } | null> {
  if (!p.detail) return { path: p.path };
  try {
    const res = await fetch(base + p.detail.from, { headers: { cookie }, signal: AbortSignal.timeout(60_000) });
    const m = p.detail.pattern.exec(await res.text());
    if (m) return { path: p.path.replace(":id", m[1]!) };
  } catch {}
  if (p.detail.fallback) return { path: p.path.replace(":id", p.detail.fallback), note: "bench id" };
  return null;
}

async function main() {
  const m = machine();
  const startedAt = new Date();
  const kind = args["base-url"] ? "external server" : databaseKind() === "pglite" ? `PGlite ${pgliteDataDir()}` : `PostgreSQL ${(process.env.DATABASE_URL ?? "").replace(/\/\/[^@]*@/, "//")}`;
  log(`${m.cpu}, load ${m.load}; database: ${kind}`);

  // Volumes first: PGlite is single-process, so it is read before the server opens it.
  let vol: Record<string, number> | null = null;
  if (!(args["base-url"] && databaseKind() === "pglite")) {
    const { db, close } = await openScriptDatabase();
    try {
      vol = await volumes(db);
    } finally {
      await close();
    }
    log(`volumes (estimates): ${Object.entries(vol).map(([t, n]) => `${t} ${n.toLocaleString("en-US")}`).join(", ")}`);
  }

  // Written after every page too, so an interrupted run keeps what it measured.
  const write = (final: boolean) => {
    const t = table(rows, PAGES[0]!.name);
    if (final) console.log(t);
    const volLine = vol ? Object.entries(vol).map(([k, n]) => `${k} ${n.toLocaleString("en-US")}`).join(" · ") : "(not read: PGlite held by the external server)";
    const body = `## Load: ${args.label}${final ? "" : " (interrupted: partial)"} — ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC

- machine: ${m.cpu}, ${m.memGb} GB, Node ${m.node}; **load average at start ${m.load}** (shared machine)
- code: \`${m.commit}\`; server: \`scripts/serve.ts\` (production build) on 127.0.0.1${server ? ", started by the harness" : ` at ${base}`}
- database: ${kind}
- volumes (planner estimates): ${volLine}
- autocannon ${DURATION} s per page and concurrency, request timeout ${TIMEOUT} s, signed in as \`manager\` (the audit page as \`auditor\`); \`drain\` = seconds until the baseline answered within 3 s again after the run and (PostgreSQL) no statement was left running in the database, at most ${args.drain} s
- latencies are of the responses that arrived: a page with timeouts is slower than its percentiles say

${t}
${burst ? `\nPrinting burst: ${burst}\n` : ""}`;
    upsertSection(args.out!, "load", args.label!, body);
    fs.mkdirSync("data/bench-results", { recursive: true });
    fs.writeFileSync(`data/bench-results/${args.label}.json`, JSON.stringify({ startedAt, machine: m, kind, volumes: vol, rows }, null, 2));
  };
  let server: Started | null = null;
  const base = args["base-url"] ?? "";
  if (!args["base-url"]) {
    fs.mkdirSync("data", { recursive: true });
    log(`starting the portal server on 127.0.0.1:${args.port} …`);
    server = await startNext({ port: Number(args.port), log: `data/bench-next-${args.port}.log`, readyTimeoutMs: 180_000 });
  }
  // Interrupted: stop the server we started (its own process group) before going.
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void (server ? server.stop() : Promise.resolve()).finally(() => process.exit(130)));
  const url = server?.url ?? base;
  const pid = server?.pid ?? null;
  // PostgreSQL: the drain also waits for the database to have no statement running for the server
  let pgClient: pg.Client | null = null;
  if (databaseKind() === "postgres" && process.env.DATABASE_URL) {
    pgClient = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await pgClient.connect();
  }
  const active = pgClient
    ? async () => Number((await pgClient!.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`)).rows[0].n)
    : undefined;
  const rows: Row[] = [];
  let burst: string | null = null;
  try {
    const cookies: Record<Login, string> = { manager: await signIn(url, "manager", args.password!), auditor: await signIn(url, "auditor", args.password!) };
    log(`signed in as manager and auditor; server RSS ${rssMb(pid) ?? "?"} MB`);
    const pages: (PageDef & { resolved: string; note?: string })[] = [];
    for (const p of PAGES.filter(wanted)) {
      const r = await resolveDetail(url, cookies[p.as ?? "manager"], p);
      if (!r) log(`skipping ${p.name}: no id found on ${p.detail?.from}`);
      else pages.push({ ...p, resolved: r.path, note: r.note });
    }
    for (const c of CONNECTIONS) {
      for (const p of pages) {
        const cookie = cookies[p.as ?? "manager"];
        // one request first, so a page's first-hit compilation/caching is not in its figures
        try {
          await (await fetch(url + p.resolved, { headers: { cookie }, signal: AbortSignal.timeout(Math.min(TIMEOUT, 5) * 1000) })).arrayBuffer();
        } catch {}
        if (active) await drain(url, cookies.manager, Number(args.drain), active);
        const res = await measure(url + p.resolved, cookie, c, DURATION, TIMEOUT, pid);
        const drainS = await drain(url, cookies.manager, Number(args.drain), active);
        rows.push({ name: p.name, path: p.resolved, as: p.as ?? "manager", m: res, drainS, note: p.note });
        write(false);
        log(`c=${c} ${p.name}: ${res.reqPerSec.toFixed(1)} req/s, p50 ${r0(res.p50)} ms, p95 ${r0(res.p95)} ms, p99 ${r0(res.p99)} ms, errors ${res.errors}, timeouts ${res.timeouts}, non-2xx ${res.non2xx}, ${res.bytesPerResponse ? Math.round(res.bytesPerResponse / 1024) : "—"} KB, RSS ${res.rssMaxMb ?? "—"} MB, drained in ${drainS.toFixed(0)} s`);
      }
    }
    if (args["print-burst"]) {
      // Deliverable 3 (printing under load) plugs in here: bench/load/print-burst.ts.
      const { printBurst } = await import("./load/print-burst");
      burst = await printBurst({ base: url, password: args.password!, serverPid: pid, timeoutS: 300 });
      log(burst);
    }
  } finally {
    if (server) await server.stop();
    await pgClient?.end();
  }

  write(true);
  log(`wrote ${args.out} (section load:${args.label}) and data/bench-results/${args.label}.json`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
