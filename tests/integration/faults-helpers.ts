import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

// Shared by the fault tests (issue 16 deliverable 4): a throw-away PostgreSQL cluster of the
// test's own (scripts/pg-test-server.sh with its own state file) that the test may stop, start
// and restart, and a child Node process that the test may kill.

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const isRoot = process.getuid?.() === 0;

export type Cluster = {
  url: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  restart: () => Promise<void>;
  /** Stops it and deletes it (the script's `stop`). */
  destroy: () => Promise<void>;
};

/** Whether this machine can run a cluster of the test's own (the PostgreSQL 15 binaries). */
export const canRunOwnCluster = () => fs.existsSync(path.join(PG_BIN, "pg_ctl"));

/**
 * Starts a cluster of its own: state in data/<name>.env (so it never touches the suite's server),
 * ports scanned from PG_TEST_PORT (the script's default when unset).
 */
export async function startOwnCluster(name: string): Promise<Cluster> {
  const state = path.join(process.cwd(), "data", `${name}-${process.pid}.env`);
  const env = { ...process.env, PG_TEST_STATE: state };
  const script = (cmd: string) => run("bash", ["scripts/pg-test-server.sh", cmd], { env, timeout: 180_000, encoding: "utf8" });
  const { stdout } = await script("start");
  const url = /^DATABASE_URL=(\S+)$/m.exec(stdout)?.[1];
  if (!url) throw new Error(`scripts/pg-test-server.sh start printed no DATABASE_URL:\n${stdout}`);
  const st = Object.fromEntries(
    fs
      .readFileSync(state, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1).replace(/^'|'$/g, "")]),
  ) as { PGDIR: string; PGPORT_USED: string };
  const data = path.join(st.PGDIR, "data");
  const opts = `-h 127.0.0.1 -p ${st.PGPORT_USED} -k ${st.PGDIR}/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  // stdio ignored and a log file: a postmaster started by pg_ctl keeps any pipe it inherits open.
  const pgCtl = async (...args: string[]) => {
    const argv = [path.join(PG_BIN, "pg_ctl"), "-D", data, "-l", path.join(st.PGDIR, "server.log"), "-w", "-t", "60", ...args];
    await new Promise<void>((resolve, reject) => {
      const child = isRoot ? spawn("runuser", ["-u", "postgres", "--", ...argv], { stdio: "ignore" }) : spawn(argv[0]!, argv.slice(1), { stdio: "ignore" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
      child.on("error", reject);
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`pg_ctl ${args.join(" ")} exited ${code}`));
      });
    });
  };
  return {
    url,
    stop: () => pgCtl("-m", "fast", "stop"),
    start: () => pgCtl("-o", opts, "start"),
    restart: () => pgCtl("-m", "fast", "-o", opts, "restart"),
    destroy: async () => void (await script("stop")),
  };
}

/** Runs `npx tsx`-style a TypeScript file in a child Node process, its stdout read line by line. */
export function spawnTs(file: string, env: Record<string, string | undefined>): { child: ChildProcess; lines: AsyncIterable<string>; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", file], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => {
    err = (err + d.toString()).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  async function* lines() {
    let buf = "";
    for await (const chunk of child.stdout!) {
      buf += (chunk as Buffer).toString();
      let i: number;
      while ((i = buf.indexOf("\n")) >= 0) {
        yield buf.slice(0, i);
        buf = buf.slice(i + 1);
      }
    }
    if (buf) yield buf;
  }
  return { child, lines: lines(), stderr: () => err, exited };
}
