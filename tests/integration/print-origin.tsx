import http from "node:http";
import type { AddressInfo } from "node:net";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../server/db/client";
import { DomainError } from "../../server/domain/errors";
import { printFormByKey } from "../../server/print/forms";
import { prepareDocuments } from "../../server/print/print-document";
import { printHtml } from "../../server/print/print-html";
import { parsePrintIds, printPageViewer, printQueryOf } from "../../server/print/print.service";

// The print pages without a Next.js build: the same viewer check (token), the same loaders and
// the same components as app/(print)/print/<form>/[id]/page.tsx, served over loopback so that
// Chromium fetches them exactly as it does in production. The Next.js page itself is exercised
// by e2e/print/print.spec.ts. /hang never answers (for the render timeout).

export type PrintOrigin = { origin: string; requests: number; close(): Promise<void> };

export async function startPrintOrigin(db: Db, secret: string): Promise<PrintOrigin> {
  const state = { requests: 0 };
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    state.requests++;
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/hang") return void hanging.push(res);
      const m = /^\/print\/([a-z-]+)\/([^/]+)$/.exec(url.pathname);
      const form = m ? printFormByKey(m[1]!) : undefined;
      const token = url.searchParams.get("t");
      if (!m || !form || !token) return void res.writeHead(404).end("not found");
      try {
        const ids = parsePrintIds(m[2]!, url.searchParams.get("ids"), form.isId);
        const q = printQueryOf(form, url.searchParams);
        const viewer = await printPageViewer(db, form, ids, { token }, secret, q.query);
        if (!viewer) return void res.writeHead(404).end("not found");
        const docs = await prepareDocuments(form, await form.load(db, viewer, ids, q.filters));
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(await printHtml(docs, viewer, new Date()));
      } catch (e) {
        res.writeHead(e instanceof DomainError && e.code === "NOT_FOUND" ? 404 : 500).end(String(e));
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ── reading PDFs with poppler ────────────────────────────────────────────────────────────
export const SAMPLES_DIR = process.env.PRINT_SAMPLES_DIR ?? "/tmp/print-samples";

export function saveSample(name: string, pdf: Uint8Array): string {
  fs.mkdirSync(SAMPLES_DIR, { recursive: true });
  const file = path.join(SAMPLES_DIR, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

export function pdfText(file: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-layout", ...range, file, "-"], { encoding: "utf8", timeout: 20_000 });
}

export function pdfPages(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8", timeout: 20_000 });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export function pdfPageSize(file: string): string {
  return /^Page size:\s+(.*)$/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8", timeout: 20_000 }))?.[1] ?? "";
}
