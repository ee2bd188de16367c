import type { Page } from "puppeteer-core";
import { DomainError } from "../domain/errors";
import type { PrintPool } from "./browser-pool";

// page.pdf on a pooled page. The print pages are complete on the server, so JavaScript is off:
// no hydration to wait for, and nothing in the page can reach out to the network.
const prepared = new WeakSet<Page>();

export type PdfTarget = { url: string } | { html: string };

/**
 * `target` may be a function, called once a page is free: a print token minted before a long
 * wait in the queue would expire before Chromium uses it.
 */
export async function renderPdf(pool: PrintPool, targetOrLater: PdfTarget | (() => PdfTarget), opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  const timeout = opts.timeoutMs ?? pool.config.renderTimeoutMs;
  return pool.withPage(async (page) => {
    const target = typeof targetOrLater === "function" ? targetOrLater() : targetOrLater;
    if (!prepared.has(page)) {
      await page.setJavaScriptEnabled(false);
      prepared.add(page);
    }
    if ("url" in target) {
      const res = await page.goto(target.url, { waitUntil: "load", timeout });
      if (!res?.ok()) throw new DomainError("PRINT_FAILED", { status: res?.status() ?? 0 });
    } else {
      await page.setContent(target.html, { waitUntil: "load", timeout });
    }
    // A page that is not a print form (an error page, the sign-in page) never becomes a PDF.
    if (!(await page.$("[data-print-ready]"))) throw new DomainError("PRINT_FAILED", { status: 0 });
    return page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      // Page numbers are the page's own @page margin box (pageNumberCss), not a footer template.
      displayHeaderFooter: false,
      margin: { top: "14mm", right: "13mm", bottom: "16mm", left: "13mm" },
      timeout,
    });
  }, opts);
}
