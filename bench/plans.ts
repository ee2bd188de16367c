// Query plans of every page (PostgreSQL only): turns auto_explain on for the bench server
// (log_analyze + buffers, every statement), resets pg_stat_statements, loads each page of
// bench/load/pages.ts once as its user, and writes the slowest statements of each page with their
// EXPLAIN (ANALYZE, BUFFERS) plan, the sequential scans of big tables, and the top statements of
// pg_stat_statements into bench/RESULTS.md (section plans:LABEL). The server must have been started
// with shared_preload_libraries = 'pg_stat_statements,auto_explain' (bench/README.md).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:56401/kefu_bench npm run bench:plans -- --pg-log data/pgbench/server.log
import fs from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { PAGES, type Login } from "./load/pages";
import { upsertSection } from "./load/report";
import { signIn } from "./load/session";
import { startNext, type Started } from "./load/server";
import { BIG_TABLES } from "./load/volumes";

const { values: args } = parseArgs({
  options: {
    label: { type: "string", default: "postgres" },
    "base-url": { type: "string" },
    port: { type: "string", default: "3102" },
    "pg-log": { type: "string", default: "data/pgbench/server.log" },
    pages: { type: "string" },
    top: { type: "string", default: "3" },
    timeout: { type: "string", default: "120" },
    password: { type: "string", default: process.env.BENCH_PASSWORD ?? "Demo@2026" },
    out: { type: "string", default: "bench/RESULTS.md" },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must point at the bench PostgreSQL server");
const TOP = Number(args.top);
const filter = args.pages?.split(",").map((s) => s.trim().toLowerCase());
const log = (s: string) => console.log(`[plans] ${s}`);

type Plan = { ms: number; query: string; plan: string[] };

function parsePlans(chunk: string, database: string): Plan[] {
  const out: Plan[] = [];
  let cur: Plan | null = null;
  let inQuery = false;
  for (const line of chunk.split("\n")) {
    const head = /db=(\S*) LOG:\s+duration: ([\d.]+) ms\s+plan:/.exec(line);
    if (head) {
      if (cur) out.push(cur);
      // another database's statements (a generator running beside) are not this page's
      cur = head[1] === database ? { ms: Number(head[2]), query: "", plan: [] } : null;
      inQuery = false;
      continue;
    }
    if (!cur) continue;
    if (!line.startsWith("\t")) {
      out.push(cur);
      cur = null;
      continue;
    }
    const body = line.slice(1);
    if (body.startsWith("Query Text: ")) {
      cur.query = body.slice("Query Text: ".length);
      inQuery = true;
    } else if (inQuery && !/\(cost=|\(actual/.test(body)) cur.query += " " + body.trim();
    else {
      inQuery = false;
      cur.plan.push(body);
    }
  }
  if (cur) out.push(cur);
  return out;
}

// User is small (staff only): its scans are not what the check is for
const SCANNED = BIG_TABLES.filter((t) => t !== "User");
const bigSeqScans = (p: Plan) =>
  p.plan.filter((l) => SCANNED.some((t) => l.includes(`Seq Scan on "${t}"`))).map((l) => l.trim().replace(/^->\s+/, "").replace(/\s+\(cost.*$/, ""));
const short = (q: string, n = 160) => (q.length > n ? `${q.slice(0, n)}…` : q).replace(/\|/g, "\\|");

async function main() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ext = await client.query(`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_stat_statements'`);
  if (!ext.rows[0].n) await client.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
  const database = (await client.query(`SELECT current_database() AS d`)).rows[0].d as string;
  const libs = (await client.query(`SHOW shared_preload_libraries`)).rows[0].shared_preload_libraries as string;
  if (!libs.includes("auto_explain")) throw new Error(`the server does not preload auto_explain (shared_preload_libraries = '${libs}')`);
  if (!fs.existsSync(args["pg-log"]!)) throw new Error(`server log ${args["pg-log"]} not found (--pg-log)`);

  let server: Started | null = null;
  const sections: string[] = [];
  const summary: string[] = ["| page | statements | slowest | sum | seq scans of big tables |", "|---|---|---|---|---|"];
  try {
    await client.query(`ALTER SYSTEM SET log_line_prefix = '%m [%p] db=%d '`);
    await client.query(`ALTER SYSTEM SET auto_explain.log_min_duration = 0`);
    await client.query(`ALTER SYSTEM SET auto_explain.log_analyze = on`);
    await client.query(`ALTER SYSTEM SET auto_explain.log_buffers = on`);
    await client.query(`SELECT pg_reload_conf()`);
    await client.query(`SELECT pg_stat_statements_reset()`);
    if (!args["base-url"]) {
      log(`starting the portal server on 127.0.0.1:${args.port} …`);
      server = await startNext({ port: Number(args.port), log: `data/bench-next-${args.port}.log`, readyTimeoutMs: 180_000 });
    }
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void (server ? server.stop() : Promise.resolve()).finally(() => process.exit(130)));
    const base = server?.url ?? args["base-url"]!;
    const cookies: Record<Login, string> = { manager: await signIn(base, "manager", args.password!), auditor: await signIn(base, "auditor", args.password!) };
    for (const p of PAGES) {
      if (filter && !filter.some((f) => p.name.toLowerCase().includes(f) || p.path.toLowerCase().includes(f))) continue;
      const cookie = cookies[p.as ?? "manager"];
      let path = p.path;
      if (p.detail) {
        const html = await (await fetch(base + p.detail.from, { headers: { cookie }, signal: AbortSignal.timeout(Number(args.timeout) * 1000) })).text().catch(() => "");
        const m = p.detail.pattern.exec(html);
        if (!m && !p.detail.fallback) continue;
        path = p.path.replace(":id", m?.[1] ?? p.detail.fallback!);
      }
      await new Promise((r) => setTimeout(r, 500));
      const from = fs.statSync(args["pg-log"]!).size;
      const t0 = performance.now();
      let status = "—";
      try {
        const r = await fetch(base + path, { headers: { cookie }, signal: AbortSignal.timeout(Number(args.timeout) * 1000) });
        await r.arrayBuffer();
        status = String(r.status);
      } catch (e) {
        status = `failed (${(e as Error).name})`;
      }
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 1500)); // the log is written asynchronously
      const to = fs.statSync(args["pg-log"]!).size;
      const fd = fs.openSync(args["pg-log"]!, "r");
      const buf = Buffer.alloc(to - from);
      fs.readSync(fd, buf, 0, buf.length, from);
      fs.closeSync(fd);
      // foreign-key checks of the page's own writes (audit, session) are not its reads
      const plans = parsePlans(buf.toString("utf8"), database).filter((x) => !/pg_stat_statements|pg_reload_conf|ALTER SYSTEM|FOR KEY SHARE OF/.test(x.query));
      const sorted = [...plans].sort((a, b) => b.ms - a.ms);
      const scans = [...new Set(plans.flatMap(bigSeqScans))];
      const sum = plans.reduce((a, x) => a + x.ms, 0);
      log(`${p.name}: HTTP ${status} in ${Math.round(ms)} ms, ${plans.length} statements, slowest ${sorted[0]?.ms.toFixed(1) ?? "—"} ms${scans.length ? `, SEQ SCAN ${scans.join(", ")}` : ""}`);
      summary.push(`| ${p.name} | ${plans.length} | ${sorted[0] ? `${sorted[0].ms.toFixed(1)} ms` : "—"} | ${sum.toFixed(0)} ms | ${scans.length ? scans.map((s) => `**${s}**`).join("<br>") : "none"} |`);
      const blocks = sorted.slice(0, TOP).map((x) => `\`${x.ms.toFixed(1)} ms\` ${short(x.query, 300).replace(/`/g, "'")}\n\n\`\`\`text\n${x.plan.slice(0, 45).map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)).join("\n")}${x.plan.length > 45 ? "\n…" : ""}\n\`\`\``);
      sections.push(`#### ${p.name} — \`${path.length > 90 ? path.slice(0, 90) + "…" : path}\` (HTTP ${status}, ${Math.round(ms)} ms, ${plans.length} statements, ${sum.toFixed(0)} ms in the database)\n\n${blocks.join("\n\n") || "(no statement logged)"}`);
    }
  } finally {
    await client.query(`ALTER SYSTEM RESET auto_explain.log_min_duration`).catch(() => {});
    await client.query(`SELECT pg_reload_conf()`).catch(() => {});
    if (server) await server.stop();
  }
  const top = await client.query(
    `SELECT calls, round(total_exec_time::numeric, 1) AS total, round(mean_exec_time::numeric, 1) AS mean, rows, shared_blks_hit + shared_blks_read AS blocks, query
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 20`,
  );
  await client.end();
  const stmts = ["| total ms | calls | mean ms | rows | buffers | statement |", "|---|---|---|---|---|---|", ...top.rows.map((r) => `| ${r.total} | ${r.calls} | ${r.mean} | ${r.rows} | ${r.blocks} | \`${short(String(r.query).replace(/\s+/g, " "), 200).replace(/`/g, "'")}\` |`)];
  const body = `## Query plans: ${args.label} — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC

Each page loaded once (warm, one user) with auto_explain logging every statement's \`EXPLAIN (ANALYZE, BUFFERS)\`
(\`npm run bench:plans\`). Sequential scans listed are those of the big tables (${SCANNED.join(", ")}).

${summary.join("\n")}

### Top statements (pg_stat_statements, this pass)

${stmts.join("\n")}

### Slowest ${TOP} statements of each page

${sections.join("\n\n")}
`;
  upsertSection(args.out!, "plans", args.label!, body);
  log(`wrote ${args.out} (section plans:${args.label})`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
