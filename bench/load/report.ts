// RESULTS.md is made of labelled sections (<!-- load:LABEL --> … <!-- /load:LABEL -->), one per
// run, so a PostgreSQL run, a PGlite run and the query plans sit side by side and a re-run
// replaces only its own section.
import fs from "node:fs";
import os from "node:os";
import { execFileSync } from "node:child_process";
import type { Measured } from "./measure";

export function upsertSection(file: string, kind: string, label: string, body: string) {
  const start = `<!-- ${kind}:${label} -->`;
  const end = `<!-- /${kind}:${label} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# bench/RESULTS.md\n\nFigures written by `npm run bench:load` and `npm run bench:plans` (see bench/README.md). Read the ratios, not the milliseconds: the machine is shared.\n";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, text);
}

export function machine() {
  const cpus = os.cpus();
  let commit = "?";
  try {
    commit = execFileSync("git", ["log", "-1", "--format=%h %s"], { encoding: "utf8" }).trim().slice(0, 100);
  } catch {}
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? "?"}`,
    memGb: Math.round(os.totalmem() / 2 ** 30),
    load: os.loadavg().map((l) => l.toFixed(2)).join(" / "),
    node: process.version,
    commit,
  };
}

export type Row = { name: string; path: string; as: string; m: Measured; drainS: number; note?: string };

const ms = (v: number | null) => (v === null ? "—" : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const kb = (v: number | null) => (v === null ? "—" : `${(v / 1024).toFixed(0)} KB`);

export function table(rows: Row[], baselineName: string): string {
  const base = new Map(rows.filter((r) => r.name === baselineName).map((r) => [r.m.connections, r.m.p95]));
  const lines = [
    "| page | c | req/s | p50 | p95 | p99 | max | errors | timeouts | non-2xx | size/resp | p95 ÷ baseline | RSS max | drain |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const b = base.get(r.m.connections);
    const ratio = r.m.p95 !== null && b ? (r.m.p95 / b).toFixed(1) : "—";
    lines.push(
      `| ${r.name}${r.note ? ` (${r.note})` : ""} | ${r.m.connections} | ${r.m.reqPerSec.toFixed(1)} | ${ms(r.m.p50)} | ${ms(r.m.p95)} | ${ms(r.m.p99)} | ${ms(r.m.max)} | ${r.m.errors} | ${r.m.timeouts ? `**${r.m.timeouts}**` : 0} | ${r.m.non2xx} | ${kb(r.m.bytesPerResponse)} | ${ratio} | ${r.m.rssMaxMb ?? "—"} MB | ${r.drainS.toFixed(0)} s |`,
    );
  }
  return lines.join("\n");
}
