// Printing burst (issue 15 deliverable 3): `forms` printed forms requested at once by `users`
// signed-in people, through the real print route (PDF), measuring forms/s and the server's peak
// memory. The Chromium floor to compare with is measured by bench/print.ts; whoever owns the print
// service can extend this (form kinds, floor in the same run) without touching load.ts.
import { rssMb } from "./server";
import { signIn } from "./session";

const UUID = /\/complaints\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;

export async function printBurst(o: { base: string; password: string; serverPid: number | null; timeoutS: number; forms?: number; users?: string[] }): Promise<string> {
  const users = o.users ?? ["manager", "supervisor", "staff", "staff2", "huang.wei"];
  const forms = o.forms ?? 30;
  const cookies = await Promise.all(users.map((u) => signIn(o.base, u, o.password)));
  const list = await (await fetch(`${o.base}/complaints`, { headers: { cookie: cookies[0]! }, signal: AbortSignal.timeout(60_000) })).text();
  const ids = [...new Set([...list.matchAll(UUID)].map((m) => m[1]!))];
  if (ids.length === 0) return "no complaint found on /complaints: burst skipped";
  let rss = rssMb(o.serverPid) ?? 0;
  const sampler = setInterval(() => (rss = Math.max(rss, rssMb(o.serverPid) ?? 0)), 500);
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: forms }, async (_, i) => {
      try {
        const r = await fetch(`${o.base}/api/print/complaint-sheet/${ids[i % ids.length]}`, { headers: { cookie: cookies[i % cookies.length]! }, signal: AbortSignal.timeout(o.timeoutS * 1000) });
        const body = await r.arrayBuffer();
        return r.ok && r.headers.get("content-type")?.includes("pdf") ? body.byteLength : -r.status;
      } catch {
        return 0;
      }
    }),
  );
  clearInterval(sampler);
  const s = (performance.now() - t0) / 1000;
  const ok = results.filter((b) => b > 0).length;
  return `${forms} complaint sheets from ${users.length} users at once: ${ok} PDFs in ${s.toFixed(1)} s (${(ok / s).toFixed(2)} forms/s), ${forms - ok} failed; server RSS peak ${rss} MB`;
}
