// The portal's server for the harness (scripts/serve.ts: `next start` plus the client address):
// spawned on 127.0.0.1 with the bench database's environment,
// waited for with a deadline, and stopped by its own pid (its process group) at the end.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type Started = { url: string; pid: number | null; stop(): Promise<void> };

export async function startNext(opts: { port: number; env?: Record<string, string>; log: string; readyTimeoutMs: number }): Promise<Started> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npx next build` first");
  const out = fs.openSync(opts.log, "a");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-H", "127.0.0.1", "-p", String(opts.port)], {
    env: { ...process.env, ...opts.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", out, out],
    detached: true, // its own process group, so stop() ends next and its workers and nothing else
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    const t = Date.now();
    while (child.exitCode === null && Date.now() - t < 10_000) await new Promise((r) => setTimeout(r, 200));
    if (child.exitCode === null)
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
  };
  const deadline = Date.now() + opts.readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal server exited with ${child.exitCode}; see ${opts.log}`);
    try {
      const r = await fetch(`${url}/login`, { signal: AbortSignal.timeout(10_000) });
      if (r.status < 500) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the portal server did not answer within ${opts.readyTimeoutMs / 1000} s; see ${opts.log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, pid: child.pid ?? null, stop };
}

/** Resident memory (MB) of a process and its children, from /proc (Linux). */
export function rssMb(pid: number | null): number | null {
  if (!pid) return null;
  const read = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  let kb = read(pid);
  try {
    for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
      const kids = fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
      for (const k of kids) kb += read(Number(k));
    }
  } catch {}
  return Math.round(kb / 1024);
}
