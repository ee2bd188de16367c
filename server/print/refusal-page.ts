import type { Locale } from "../i18n/config";
import { translatorFor } from "../i18n/translate";

// A print route opened by the browser itself (打印所选 opens it in a new tab, a reprint link):
// a refusal there is a short page in the user's language with the way back, not raw JSON
// (issue 17 §6). Scripts and fetch() calls (no text/html in Accept) keep the JSON answer.

/** A top-level navigation: the browser asks for HTML first. */
export function wantsHtml(accept: string | null): boolean {
  return !!accept && /(^|,)\s*text\/html/i.test(accept);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page for a refusal whose JSON answer is `json` (same status, same message). */
export async function refusalPage(json: Response, locale: Locale): Promise<Response> {
  const { message } = (await json.clone().json()) as { message?: string };
  const t = translatorFor(locale);
  const title = t("print.refusedTitle");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${title} · ${t("app.name")}`)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;color:#0f172a;background:#f8fafc;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{max-width:32rem;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .75rem}p{color:#334155;line-height:1.6}a{color:#1d4ed8}</style></head>
<body><main><h1>${escape(title)}</h1><p role="alert">${escape(message ?? t("errors.INTERNAL"))}</p><p><a href="/print">${escape(t("print.backToPrint"))}</a></p></main></body></html>`;
  const headers = new Headers(json.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.delete("Content-Length");
  return new Response(html, { status: json.status, headers });
}
