import { z } from "zod";
import type { Db } from "../db/client";
import { inTransaction } from "../db/tx";
import { hasAnyRole } from "../auth/roles";
import { DomainError } from "../domain/errors";
import { writeAudit } from "../domain/audit/audit-log";
import type { PrintPool } from "./browser-pool";
import type { AnyPrintForm, PrintViewer } from "./print-form";
import { PRINT_BATCH_MAX } from "./print-config";
import { verifyPrintToken } from "./print-token";
import { renderPdf } from "./render-pdf";
import { prepareDocuments, printTranslator } from "./print-document";
import { printHtml } from "./print-html";
import { mergePdfs } from "./merge-pdfs";

// Printing one form or a batch of them: the role is checked and the records are read before
// Chromium is touched; each form's page is rendered here and handed to Chromium as HTML; the
// finished print is an audit entry per record (who printed what, when). The print page itself
// (HTML in a browser) is for people; a one-minute token still opens it for one record.

const ZId = z.uuid();
const isUuid = (id: string) => ZId.safeParse(id).success;

/** `/print/<form>/<id>` prints one record; `/print/<form>/batch?ids=a,b,c` several in one PDF. */
export function parsePrintIds(idSegment: string, idsParam: string | null, isId: (id: string) => boolean = isUuid): string[] {
  const raw = idSegment === "batch" ? (idsParam ?? "").split(",").filter(Boolean) : [idSegment];
  const ids = [...new Set(raw)];
  // 打印所选 with nothing ticked (the form without JS, or a hand-typed URL): say so, not "not found".
  if (ids.length === 0 && idSegment === "batch") throw new DomainError("PRINT_NONE_SELECTED");
  if (ids.length === 0 || !ids.every(isId)) throw new DomainError("NOT_FOUND");
  if (ids.length > PRINT_BATCH_MAX) throw new DomainError("PRINT_TOO_MANY", { max: PRINT_BATCH_MAX });
  return ids;
}

/** A list form's filters as read from a print URL, and their canonical query string ("" = none). */
export type PrintQuery = { filters: unknown; query: string };
export const NO_PRINT_QUERY: PrintQuery = { filters: undefined, query: "" };

/**
 * The form's filters in a print URL's query string, through the form's own parser, written back
 * in one canonical order: the string the token signs and Chromium's page URL carries, so the
 * page it renders reads exactly the filters the route checked. Other parameters (ids, t) and
 * anything the parser does not know are ignored; a form without filters has none.
 */
export function printQueryOf(form: AnyPrintForm, sp: URLSearchParams): PrintQuery {
  if (!form.filters) return NO_PRINT_QUERY;
  const filters: unknown = form.filters.parse(sp);
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(form.filters.params(filters) as Record<string, string | undefined>)) if (v !== undefined && v !== "") out.set(k, v);
  return { filters, query: out.toString() };
}

/** A page's searchParams (Next.js) as URLSearchParams. */
export function searchParamsOf(sp: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, x);
  return out;
}

function pathOf(prefix: string, form: AnyPrintForm, ids: readonly string[], query = ""): string {
  const path = ids.length === 1 ? `${prefix}/${form.key}/${ids[0]}` : `${prefix}/${form.key}/batch?ids=${ids.join(",")}`;
  return query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path;
}
/** The print page (HTML, viewable in the browser). */
export const printPagePath = (form: AnyPrintForm, ids: readonly string[], query = "") => pathOf("/print", form, ids, query);
/** The PDF. */
export const printPdfPath = (form: AnyPrintForm, ids: readonly string[], query = "") => pathOf("/api/print", form, ids, query);

export function assertMayPrint(roles: PrintViewer["roles"], form: AnyPrintForm): void {
  if (!hasAnyRole(roles, form.roles)) throw new DomainError("FORBIDDEN");
}

export type PrintDeps = { pool: PrintPool };
export type PrintActor = PrintViewer & { ip?: string | null };

export async function printPdf(db: Db, actor: PrintActor, form: AnyPrintForm, ids: readonly string[], deps: PrintDeps, q: PrintQuery = NO_PRINT_QUERY) {
  assertMayPrint(actor.roles, form);
  const docs = await form.load(db, actor, ids, q.filters);
  // The page's HTML is made here, before a Chromium page is taken, so the pool's pages only ever
  // print (print-html.tsx). One render per form (in parallel, through the pool's queue), so each
  // keeps its own page numbers.
  const printedAt = new Date();
  const prepared = await prepareDocuments(form, docs);
  const parts = await Promise.all(prepared.map(async (doc) => renderPdf(deps.pool, { html: await printHtml([doc], actor, printedAt) })));
  const pdf = await mergePdfs(parts);
  const numbers = docs.map((d) => form.numberOf(d) as string);
  await inTransaction(db, async (tx) => {
    for (const [k, doc] of docs.entries()) {
      await writeAudit(tx, actor, {
        action: "print.form",
        entity: form.entity,
        entityId: form.idOf(doc) as string,
        after: { form: form.key, number: numbers[k]!, ...(q.query ? { filters: q.query } : {}), ...(docs.length > 1 ? { batch: numbers } : {}), bytes: pdf.byteLength },
      });
    }
  });
  const t0 = form.titleOf(docs[0], printTranslator()) as string;
  const fileName = docs.length === 1 ? `${t0}-${numbers[0]}.pdf` : `${t0}-${numbers[0]}等${docs.length}份.pdf`;
  return { pdf, fileName, numbers };
}

export type PageAccess = { token: string } | { sessionUser: PrintViewer | null };

/**
 * Who is looking at a print page: Chromium with a valid token for the page's canonical filter
 * query (re-reading the user, who must still be active and still hold a role for the form) or a
 * signed-in user with such a role. Returns null when neither holds, for the page to answer 404.
 */
export async function printPageViewer(db: Db, form: AnyPrintForm, ids: readonly string[], access: PageAccess, secret: string, query = ""): Promise<PrintViewer | null> {
  if ("sessionUser" in access) {
    const u = access.sessionUser;
    return u && hasAnyRole(u.roles, form.roles) ? u : null;
  }
  const verdict = verifyPrintToken(secret, access.token, { form: form.key, ids, query });
  if (!verdict.ok) return null;
  const user = await db.user.findUnique({
    where: { id: verdict.grant.userId },
    select: { id: true, displayName: true, isActive: true, roles: { select: { role: true } } },
  });
  if (!user?.isActive) return null;
  const viewer: PrintViewer = { id: user.id, name: user.displayName, roles: user.roles.map((r) => r.role) };
  return hasAnyRole(viewer.roles, form.roles) ? viewer : null;
}
