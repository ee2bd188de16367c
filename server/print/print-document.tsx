import type { ReactNode } from "react";
import { formatShanghai } from "../domain/time";
import { translatorFor } from "../i18n/translate";
import { companyName, portalBaseUrl } from "./print-config";
import type { AnyPrintForm, PrintT, PrintViewer } from "./print-form";
import { qrSvg } from "./qr";
import { PRINT_CSS } from "./print-css";

// The frame every form shares (DOMAIN §5): company, title, number, the data, signature/date
// lines, a QR code back to the record. Official forms are Chinese whoever prints them: the
// department files them, so they are rendered in zh-CN whatever the viewer's language.

export const PRINT_LOCALE = "zh-CN" as const;
export function printTranslator(): PrintT {
  return translatorFor(PRINT_LOCALE);
}

export type PreparedDoc = { id: string; title: string; number: string; criteria: string[]; qr: string; link: string; signatures: string[]; body: ReactNode; sheet?: boolean };

/** Everything the page needs, read once: the records laid out by their form, and their QR codes. */
export async function prepareDocuments(form: AnyPrintForm, docs: readonly unknown[]): Promise<PreparedDoc[]> {
  const t = printTranslator();
  const base = portalBaseUrl();
  return Promise.all(
    docs.map(async (doc) => {
      const link = `${base}${form.portalPath(doc)}`;
      const Body = form.Body;
      return {
        id: form.idOf(doc),
        title: form.titleOf(doc, t),
        number: form.numberOf(doc),
        criteria: form.criteriaOf?.(doc, t) ?? [],
        qr: await qrSvg(link),
        link,
        signatures: form.signatures(doc, t),
        body: <Body doc={doc} t={t} />,
        sheet: form.sheet,
      };
    }),
  );
}

type Props = { docs: PreparedDoc[]; viewer: PrintViewer; printedAt: Date; pdfHref?: string };

/** The print page's content (inside <body>): one A4 form per record, each starting a new page. */
export function PrintDocuments({ docs, viewer, printedAt, pdfHref }: Props) {
  const t = printTranslator();
  const company = companyName();
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS + pageNumberCss() }} />
      {pdfHref && (
        <div className="pf-toolbar">
          <span>{t("print.screenHint")}</span>
          <a href={pdfHref}>{t("print.download")}</a>
        </div>
      )}
      <div className="pf-root" data-print-ready="1">
        {docs.map((d) =>
          d.sheet ? (
            <section key={d.id} className="pf-sheet" data-doc-number={d.number}>
              {d.body}
            </section>
          ) : (
          <section key={d.id} className="pf-doc" data-doc-number={d.number}>
            <header className="pf-head">
              <div className="pf-head-text">
                <div className="pf-company">{company}</div>
                <h1 className="pf-title">{d.title}</h1>
                <div className="pf-meta">
                  <span>
                    {t("print.number")}：<b className="pf-number">{d.number}</b>
                  </span>
                  <span>
                    {t("print.printedBy")}：{viewer.name}
                  </span>
                  <span>
                    {t("print.printedAt")}：{formatShanghai(printedAt)}
                  </span>
                </div>
                {d.criteria.length > 0 && (
                  <div className="pf-criteria">
                    {t("print.criteria")}：{d.criteria.join("；")}
                  </div>
                )}
              </div>
              <figure className="pf-qr" title={d.link}>
                <span dangerouslySetInnerHTML={{ __html: d.qr }} />
                <figcaption>{t("print.qrHint")}</figcaption>
              </figure>
            </header>
            {d.body}
            <footer className="pf-signs">
              {d.signatures.map((label) => (
                <div key={label} className="pf-sign">
                  <div>
                    {label}
                    {t("print.sign")}：<span className="pf-line" />
                  </div>
                  <div>
                    {t("print.date")}：<span className="pf-date">{t("print.yearMonthDay")}</span>
                  </div>
                </div>
              ))}
            </footer>
          </section>
          ),
        )}
      </div>
    </>
  );
}

/** A label/value grid above a form's table. */
export function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="pf-fields">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === null || v === undefined || v === "" ? "—" : v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A CSS string literal: quotes and backslashes escaped, nothing else needed for a label. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ")}"`;

/**
 * "第 N 页 共 M 页" under every page, as an @page margin box of the document itself: it draws with
 * the document's own (subset) fonts, where page.pdf's footer template is a separate document that
 * cannot see them and cost a full CJK face per PDF (print-fonts.ts).
 */
export function pageNumberCss(): string {
  const t = printTranslator();
  const [before = "", between = "", after = ""] = t("print.footer", { page: "\u0001", pages: "\u0002" }).split(/[\u0001\u0002]/);
  return `@page { @bottom-center { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}; font-size: 8pt; font-family: "Noto Sans CJK SC", sans-serif; color: #333; } }`;
}
