import fs from "node:fs";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { DomainError } from "../domain/errors";
import { poolConfigFromEnv, type PoolConfig } from "./print-config";

// One warm Chromium per server process, a few reusable pages, and a queue in front of them:
// launching costs ~0.6 s and a new page ~160 ms more per PDF (STACK.md), while a burst of prints
// must not start a renderer per request on a 2-core machine. Every wait has a bound, so a hung
// or missing Chromium is a clear error, never a request that hangs.

/** Flags for running as root (no sandbox) in a container, on a network that reaches nothing. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
  "--font-render-hinting=none",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--mute-audio",
];

/** One Chromium process and the bookkeeping of its pages. */
type Generation = { browser: Browser; leased: number; renders: number; retired: boolean; dead: boolean };
type Lease = { page: Page; gen: Generation };

export type PoolStats = { openPages: number; maxOpenPages: number; queued: number; renders: number; launches: number; browserConnected: boolean };

export class PrintPool {
  readonly config: PoolConfig;
  #current: Promise<Generation> | null = null;
  #currentGen: Generation | null = null;
  #idle: Lease[] = [];
  #open = new Set<Page>();
  #slotsInUse = 0;
  #waiters: { grant: () => void; fail: (e: Error) => void }[] = [];
  #closed = false;
  #maxOpen = 0;
  #renders = 0;
  #launches = 0;
  #live = new Set<Generation>();

  constructor(config: Partial<PoolConfig> = {}) {
    this.config = { ...poolConfigFromEnv(), ...config };
  }

  stats(): PoolStats {
    const gens = [...this.#live];
    return {
      openPages: this.#open.size,
      maxOpenPages: this.#maxOpen,
      queued: this.#waiters.length,
      renders: this.#renders,
      launches: this.#launches,
      browserConnected: gens.some((g) => !g.dead && !g.retired && g.browser.connected),
    };
  }

  /**
   * Runs `work` on a pooled page, after waiting for a free slot; bounded by the render timeout.
   * A browser that died (crash, kill) is noticed by the failing render itself — its "disconnected"
   * event may come later — so that render is retried once on a fresh browser.
   * `timeoutMs` overrides the pool's render timeout for this one call (a test's deliberately hung
   * page, while the renders around it keep the generous default).
   */
  async withPage<T>(work: (page: Page) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? this.config.renderTimeoutMs;
    await this.#acquireSlot();
    try {
      for (let attempt = 1; ; attempt++) {
        const lease = await this.#leasePage();
        let healthy = false;
        try {
          const result = await withTimeout(work(lease.page), timeoutMs, () => new DomainError("PRINT_TIMEOUT", { seconds: Math.round(timeoutMs / 1000) }));
          healthy = true;
          return result;
        } catch (e) {
          if (e instanceof DomainError) throw e;
          const crashed = lease.gen.dead || !lease.gen.browser.connected || isGoneError(e);
          if (!crashed) throw e;
          // Whatever is left of that browser goes; the retry launches a fresh one.
          await this.#kill(lease.gen);
          if (attempt >= 2) throw new DomainError("PRINT_UNAVAILABLE", { reason: "crashed" });
        } finally {
          this.#renders++;
          lease.gen.renders++;
          await this.#returnPage(lease, healthy);
        }
      }
    } finally {
      this.#releaseSlot();
    }
  }

  /** Closes every browser and refuses whoever waits; for shutdown, tests and benchmarks. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiters.splice(0)) w.fail(new DomainError("PRINT_UNAVAILABLE", { reason: "closed" }));
    this.#idle = [];
    this.#current = null;
    this.#currentGen = null;
    await Promise.all([...this.#live].map((g) => this.#closeGeneration(g)));
  }

  /** The current browser, for tests that watch its targets. */
  async browserForTest(): Promise<Browser | null> {
    return this.#current ? (await this.#current).browser : null;
  }

  // ── the queue ─────────────────────────────────────────────────────────────────────────
  #acquireSlot(): Promise<void> {
    if (this.#closed) return Promise.reject(new DomainError("PRINT_UNAVAILABLE", { reason: "closed" }));
    if (this.#slotsInUse < this.config.maxPages && this.#waiters.length === 0) {
      this.#slotsInUse++;
      return Promise.resolve();
    }
    if (this.#waiters.length >= this.config.queueLimit) return Promise.reject(new DomainError("PRINT_BUSY"));
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
        fail: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        const i = this.#waiters.indexOf(waiter);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(new DomainError("PRINT_BUSY"));
      }, this.config.queueTimeoutMs);
      this.#waiters.push(waiter);
    });
  }

  #releaseSlot(): void {
    const next = this.#waiters.shift();
    // The slot passes straight to the next in line, so the count never dips and overshoots.
    if (next) next.grant();
    else this.#slotsInUse--;
  }

  // ── the browser ───────────────────────────────────────────────────────────────────────
  #generation(): Promise<Generation> {
    this.#current ??= this.#launch().catch((e: unknown) => {
      this.#current = null;
      throw e;
    });
    return this.#current;
  }

  async #launch(): Promise<Generation> {
    const { executablePath, launchTimeoutMs, renderTimeoutMs } = this.config;
    try {
      fs.accessSync(executablePath, fs.constants.X_OK);
    } catch {
      throw new DomainError("PRINT_UNAVAILABLE", { reason: `${executablePath} not found` });
    }
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: launchTimeoutMs,
        protocolTimeout: renderTimeoutMs + 10_000,
      });
    } catch (e) {
      throw new DomainError("PRINT_UNAVAILABLE", { reason: e instanceof Error ? e.message.split("\n")[0]! : String(e) });
    }
    this.#launches++;
    const gen: Generation = { browser, leased: 0, renders: 0, retired: false, dead: false };
    this.#live.add(gen);
    this.#currentGen = gen;
    browser.once("disconnected", () => {
      gen.dead = true;
      this.#forget(gen);
      this.#live.delete(gen);
    });
    // The tab Chromium opens at start is a page like any other: pool it rather than leave it.
    for (const p of await browser.pages()) {
      if (this.#open.size >= this.config.maxPages) await p.close().catch(() => {});
      else this.#track(p, gen, true);
    }
    return gen;
  }

  /** A crashed or retired browser: its pages are gone from the pool, and new work relaunches. */
  #forget(gen: Generation): void {
    if (this.#currentGen === gen) {
      this.#currentGen = null;
      this.#current = null;
    }
    this.#idle = this.#idle.filter((l) => l.gen !== gen);
    for (const p of [...this.#open]) if (pageGen.get(p) === gen) this.#open.delete(p);
  }

  async #closeGeneration(gen: Generation): Promise<void> {
    gen.retired = true;
    this.#forget(gen);
    this.#live.delete(gen);
    const proc = gen.browser.process();
    await withTimeout(gen.browser.close(), 5_000, () => new Error("close timed out")).catch(() => proc?.kill("SIGKILL"));
  }

  #track(page: Page, gen: Generation, idle: boolean): void {
    pageGen.set(page, gen);
    this.#open.add(page);
    this.#maxOpen = Math.max(this.#maxOpen, this.#open.size);
    if (idle) this.#idle.push({ page, gen });
  }

  async #leasePage(): Promise<Lease> {
    const gen = await this.#generation();
    let lease = this.#idle.pop();
    while (lease && (lease.gen.dead || lease.gen.retired || lease.page.isClosed())) {
      this.#open.delete(lease.page);
      lease = this.#idle.pop();
    }
    if (!lease) {
      const page = await withTimeout(gen.browser.newPage(), this.config.launchTimeoutMs, () => new DomainError("PRINT_UNAVAILABLE", { reason: "newPage timed out" }));
      this.#track(page, gen, false);
      lease = { page, gen };
    }
    lease.gen.leased++;
    return lease;
  }

  async #returnPage(lease: Lease, healthy: boolean): Promise<void> {
    const { page, gen } = lease;
    gen.leased--;
    if (!gen.retired && !gen.dead && gen.renders >= this.config.restartAfter) {
      // Bounded memory: new work goes to a fresh browser; this one closes when its last page is back.
      gen.retired = true;
      this.#forget(gen);
    }
    if (healthy && !gen.dead && !gen.retired && !this.#closed) {
      this.#idle.push(lease);
      return;
    }
    this.#open.delete(page);
    if (!gen.dead && !gen.retired) {
      // A page that failed or timed out may be wedged: close it, and if even that hangs, the browser.
      await withTimeout(page.close(), 3_000, () => new Error("page close timed out")).catch(() => this.#kill(gen));
    }
    if ((gen.retired || this.#closed) && gen.leased === 0 && this.#live.has(gen)) await this.#closeGeneration(gen);
  }

  async #kill(gen: Generation): Promise<void> {
    gen.browser.process()?.kill("SIGKILL");
    gen.dead = true;
    this.#forget(gen);
    this.#live.delete(gen);
  }
}

const pageGen = new WeakMap<Page, Generation>();

export function withTimeout<T>(p: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(error()), ms);
    }),
  ]);
}

// One pool per server process, however many bundles import this module (Next builds route
// handlers and pages separately); puppeteer already closes Chromium on SIGINT/SIGTERM/exit.
const KEY = Symbol.for("kefu.printPool");
type Holder = { [KEY]?: PrintPool };

export function printPool(): PrintPool {
  const g = globalThis as Holder;
  g[KEY] ??= new PrintPool();
  return g[KEY];
}

export async function closePrintPool(): Promise<void> {
  const g = globalThis as Holder;
  const pool = g[KEY];
  delete g[KEY];
  await pool?.close();
}

/** Puppeteer's ways of saying the browser or its page is gone. */
function isGoneError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /Target closed|Session closed|Connection closed|browser has disconnected|detached Frame|Protocol error/i.test(msg);
}
