// One autocannon run against one URL: every response's latency and size is collected (autocannon's
// own histogram has no p95), timeouts, errors and non-2xx are autocannon's counts. The server's
// memory is sampled once a second.
import autocannon from "autocannon";
import { rssMb } from "./server";

export type Measured = {
  connections: number;
  seconds: number;
  responses: number;
  reqPerSec: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number | null;
  rssMaxMb: number | null;
};

const pct = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : null);

export async function measure(url: string, cookie: string, connections: number, durationS: number, timeoutS: number, serverPid: number | null): Promise<Measured> {
  const latencies: number[] = [];
  let bytes = 0;
  let rssMax = rssMb(serverPid);
  const sampler = setInterval(() => {
    const r = rssMb(serverPid);
    if (r !== null && (rssMax === null || r > rssMax)) rssMax = r;
  }, 1000);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url, connections, duration: durationS, timeout: timeoutS, headers: { cookie, accept: "text/html,application/json" } }, (err, res) => (err ? reject(err) : resolve(res)));
    inst.on("response", (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const seconds = result.duration;
  return {
    connections,
    seconds,
    responses: latencies.length,
    reqPerSec: latencies.length / seconds,
    p50: pct(latencies, 0.5),
    p95: pct(latencies, 0.95),
    p99: pct(latencies, 0.99),
    max: latencies.length ? latencies[latencies.length - 1]! : null,
    errors: result.errors - result.timeouts, // autocannon counts timeouts among its errors
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: latencies.length ? bytes / latencies.length : null,
    rssMaxMb: rssMax,
  };
}

/**
 * After a run: how long until the baseline answers within 3 s again and (PostgreSQL) no statement
 * of the abandoned requests is still running — so they do not slow the next page's figures.
 */
export async function drain(base: string, cookie: string, maxS: number, activeStatements?: () => Promise<number>): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < maxS * 1000) {
    const t = Date.now();
    try {
      const r = await fetch(`${base}/forbidden`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
      await r.arrayBuffer();
      if (Date.now() - t < 3000 && (!activeStatements || (await activeStatements()) === 0)) return (Date.now() - t0) / 1000;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  return (Date.now() - t0) / 1000;
}
