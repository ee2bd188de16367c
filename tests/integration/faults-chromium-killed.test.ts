import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrintPool } from "../../server/print/browser-pool";
import { renderPdf } from "../../server/print/render-pdf";
import { DomainError } from "../../server/domain/errors";
import { translatorFor } from "../../server/i18n/translate";

// Issue 16 deliverable 4, fault 3: Chromium killed (SIGKILL, by its pid) while a PDF renders.
// The pool notices the dead browser in the failing render and retries that render once on a
// fresh one (server/print/browser-pool.ts); killed again, the render fails with PRINT_UNAVAILABLE
// and its Chinese message. Either way the next print launches a new Chromium and works. The page
// being printed is held by a local server until the test has killed the browser, so the kill
// always lands mid-render whatever the machine's speed; every wait is for an event, bounded.
const READY = `<!doctype html><html><head><meta charset="utf-8"></head><body><div data-print-ready="1"><h1>打印测试</h1></div></body></html>`;

let server: http.Server;
let base: string;
/** Requests for /held wait here until the test answers them. */
const held: http.ServerResponse[] = [];
let arrivals = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url?.startsWith("/held")) {
      arrivals++;
      held.push(res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held.splice(0)) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const isPdf = (b: Uint8Array) => Buffer.from(b.subarray(0, 5)).toString() === "%PDF-";
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function killCurrentBrowser(pool: PrintPool): Promise<number> {
  const pid = (await pool.browserForTest())?.process()?.pid;
  if (!pid) throw new Error("no Chromium running");
  process.kill(pid, "SIGKILL");
  // SIGKILL by pid: wait until it is gone (a zombie until puppeteer reaps it counts as alive).
  await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 30_000, interval: 50 });
  return pid;
}

describe("Chromium killed during a print", () => {
  // Generous timeouts: only the kill may end a render here, never a slow machine.
  const pool = new PrintPool({ maxPages: 1, renderTimeoutMs: 120_000, launchTimeoutMs: 60_000, queueTimeoutMs: 300_000 });
  afterAll(() => pool.close(), 60_000);

  it("killed once mid-render → that print is retried on a fresh Chromium and succeeds; the next one works", async () => {
    expect(isPdf(await renderPdf(pool, { html: READY }))).toBe(true);
    const launches = pool.stats().launches;
    arrivals = 0;
    const inFlight = renderPdf(pool, { url: `${base}/held` });
    await vi.waitFor(() => expect(arrivals).toBe(1), { timeout: 60_000, interval: 20 });
    const killed = await killCurrentBrowser(pool);
    // The retry asks for the page again, on a new browser: this time it is answered.
    await vi.waitFor(() => expect(arrivals).toBe(2), { timeout: 90_000, interval: 20 });
    held.splice(0, 1)[0]!.destroy(); // the first request's socket died with its browser
    held.shift()!.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(READY);
    expect(isPdf(await inFlight)).toBe(true);
    expect(pool.stats().launches).toBe(launches + 1);
    expect((await pool.browserForTest())?.process()?.pid).not.toBe(killed);
    expect(isPdf(await renderPdf(pool, { html: READY }))).toBe(true);
  }, 240_000);

  it("killed again during the retry → PRINT_UNAVAILABLE with its Chinese message, not a hang; the next print relaunches and works", async () => {
    const launches = pool.stats().launches;
    arrivals = 0;
    const inFlight = renderPdf(pool, { url: `${base}/held` }).then(
      () => null,
      (e: unknown) => e,
    );
    await vi.waitFor(() => expect(arrivals).toBe(1), { timeout: 60_000, interval: 20 });
    await killCurrentBrowser(pool);
    await vi.waitFor(() => expect(arrivals).toBe(2), { timeout: 90_000, interval: 20 });
    await killCurrentBrowser(pool);
    const e = await inFlight;
    for (const res of held.splice(0)) res.destroy();
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("PRINT_UNAVAILABLE");
    expect(translatorFor("zh-CN")("errors.PRINT_UNAVAILABLE", (e as DomainError).params)).toMatch(/^打印服务暂不可用/);
    // The next print: a fresh Chromium, a good PDF, nothing left of the killed ones in the pool.
    expect(isPdf(await renderPdf(pool, { html: READY }))).toBe(true);
    expect(pool.stats()).toMatchObject({ launches: launches + 2, browserConnected: true, queued: 0 });
    expect(pool.stats().openPages).toBeLessThanOrEqual(1);
  }, 240_000);
});
