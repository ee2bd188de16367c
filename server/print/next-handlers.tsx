import "server-only";
import type { NextRequest } from "next/server";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "../auth/session";
import { hasAnyRole } from "../auth/roles";
import { clientIp } from "../auth/client-ip";
import { authSecret } from "../env";
import { db } from "../db/client";
import { DOMAIN_ERRORS, DomainError, type DomainErrorCode } from "../domain/errors";
import { errorResponse, guard, localeOf } from "@/app/api/archive/attachments/respond";
import { badCharacterInQuery } from "../api/control-characters";
import { contentDisposition } from "../domain/archive/attachment-type";
import { printPool } from "./browser-pool";
import type { AnyPrintForm } from "./print-form";
import { PrintDocuments, prepareDocuments } from "./print-document";
import { refusalPage, wantsHtml } from "./refusal-page";
import { parsePrintIds, printPageViewer, printPdf, printPdfPath, printQueryOf, searchParamsOf } from "./print.service";

// The two Next.js entry points of every form, so a form's route files are one line each.

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
// ?ids=a,b or ?ids=a&ids=b (a plain HTML form of checkboxes sends the latter).
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : (v ?? null));

/** app/(print)/print/<form>/[id]/page.tsx: the form as HTML, for Chromium (token) or a person (session). */
export function printPageFor(form: AnyPrintForm) {
  return async function PrintPage({ params, searchParams }: PageProps) {
    const { id } = await params;
    const sp = await searchParams;
    let ids: string[];
    try {
      ids = parsePrintIds(id, all(sp.ids), form.isId);
    } catch {
      notFound();
    }
    const token = one(sp.t);
    const database = await db();
    let sessionUser = null;
    if (!token) {
      const u = await currentUser();
      if (!u) redirect("/login");
      if (u.mustChangePassword) redirect("/change-password");
      if (!hasAnyRole(u.roles, form.roles)) redirect("/forbidden");
      sessionUser = u;
    }
    // A list form's page filters (借阅登记表: 日期口径 …); a token is valid for exactly these.
    const q = printQueryOf(form, searchParamsOf(sp));
    const viewer = await printPageViewer(database, form, ids, token ? { token } : { sessionUser }, authSecret(), q.query);
    if (!viewer) notFound();
    let docs;
    try {
      docs = await prepareDocuments(form, await form.load(database, viewer, ids, q.filters));
    } catch (e) {
      // Someone else's slip, a 机密 file, a record that is gone: a refusal page, never a 500 (issue 16 #6).
      if (e instanceof DomainError && (e.code === "ARCHIVE_SECRET" || DOMAIN_ERRORS[e.code] === "NOT_FOUND")) notFound();
      if (e instanceof DomainError && DOMAIN_ERRORS[e.code] === "FORBIDDEN") redirect("/forbidden");
      if (e instanceof DomainError && DOMAIN_ERRORS[e.code] === "BAD_REQUEST") notFound();
      throw e;
    }
    return <PrintDocuments docs={docs} viewer={viewer} printedAt={new Date()} pdfHref={token ? undefined : printPdfPath(form, ids, q.query)} />;
  };
}

const HTTP_OF: Partial<Record<DomainErrorCode, number>> = { PRINT_UNAVAILABLE: 503, PRINT_BUSY: 503, PRINT_TIMEOUT: 504, PRINT_FAILED: 502, PRINT_TOO_MANY: 400 };

/** app/api/print/<form>/[id]/route.ts: the role first, then the PDF, streamed inline. */
export function printRouteFor(form: AnyPrintForm) {
  return async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
    const res = await pdfOrRefusal(req, ctx);
    // Opened in a tab: a refusal reads as a page (PDFs and scripts' JSON pass unchanged).
    const isRefusal = res.status >= 400 && res.headers.get("Content-Type")?.startsWith("application/json");
    return isRefusal && wantsHtml(req.headers.get("accept")) ? refusalPage(res, localeOf(req)) : res;
  };

  async function pdfOrRefusal(req: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const locale = localeOf(req);
    const user = await currentUser();
    // Refused here, before a record is read or Chromium is asked for anything.
    const refused = guard(user, (roles) => hasAnyRole(roles, form.roles));
    if (refused || !user) return errorResponse(refused ?? new DomainError("UNAUTHENTICATED"), locale);
    const badCharacter = badCharacterInQuery(req.nextUrl.searchParams);
    if (badCharacter) return errorResponse(badCharacter, locale);
    try {
      const ids = parsePrintIds((await params).id, req.nextUrl.searchParams.getAll("ids").join(","), form.isId);
      const actor = { id: user.id, name: user.name, roles: user.roles, ip: clientIp(req.headers) };
      const q = printQueryOf(form, req.nextUrl.searchParams);
      const { pdf, fileName } = await printPdf(await db(), actor, form, ids, { pool: printPool() }, q);
      return new Response(pdf as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          "Content-Type": "application/pdf",
          "Content-Length": String(pdf.byteLength),
          "Content-Disposition": contentDisposition(fileName, "inline"),
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const res = errorResponse(e, locale);
      const status = HTTP_OF[e.code];
      return status ? new Response(res.body, { status, headers: res.headers }) : res;
    }
  }
}
