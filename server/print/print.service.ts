import { z } from "zod";
import type { Db } from "../db/client";
import { inTransaction } from "../db/tx";
import { hasAnyRole } from "../auth/roles";
import { DomainError } from "../domain/errors";
import { writeAudit } from "../domain/audit/audit-log";
import type { PrintPool } from "./browser-pool";
import type { AnyPrintForm, PrintViewer } from "./print-form";
import { PRINT_BATCH_MAX } from "./print-config";
import { signPrintToken, verifyPrintToken } from "./print-token";
import { renderPdf } from "./render-pdf";
import { printTranslator } from "./print-document";
import { mergePdfs } from "./merge-pdfs";

// Printing one form or a batch of them: the role is checked and the records are read before
// Chromium is touched; Chromium then fetches each form's print page with a one-minute token for
// exactly that record; the finished print is an audit entry per record (who printed what, when).

const ZId = z.uuid();
const isUuid = (id: string) => ZId.safeParse(id).success;

/** `/print/<form>/<id>` prints one record; `/print/<form>/batch?ids=a,b,c` several in one PDF. */
export function parsePrintIds(idSegment: string, idsParam: string | null, isId: (id: string) => boolean = isUuid): string[] {
  const raw = idSegment === "batch" ? (idsParam ?? "").split(",").filter(Boolean) : [idSegment];
  const ids = [...new Set(raw)];
  if (ids.length === 0 || !ids.every(isId)) throw new DomainError("NOT_FOUND");
  if (ids.length > PRINT_BATCH_MAX) throw new DomainError("PRINT_TOO_MANY", { max: PRINT_BATCH_MAX });
  return ids;
}

function pathOf(prefix: string, form: AnyPrintForm, ids: readonly string[]): string {
  return ids.length === 1 ? `${prefix}/${form.key}/${ids[0]}` : `${prefix}/${form.key}/batch?ids=${ids.join(",")}`;
}
/** The print page (HTML, viewable in the browser). */
export const printPagePath = (form: AnyPrintForm, ids: readonly string[]) => pathOf("/print", form, ids);
/** The PDF. */
export const printPdfPath = (form: AnyPrintForm, ids: readonly string[]) => pathOf("/api/print", form, ids);

export function assertMayPrint(roles: PrintViewer["roles"], form: AnyPrintForm): void {
  if (!hasAnyRole(roles, form.roles)) throw new DomainError("FORBIDDEN");
}

export type PrintDeps = { pool: PrintPool; origin: string; secret: string };
export type PrintActor = PrintViewer & { ip?: string | null };

export async function printPdf(db: Db, actor: PrintActor, form: AnyPrintForm, ids: readonly string[], deps: PrintDeps) {
  assertMayPrint(actor.roles, form);
  const docs = await form.load(db, actor, ids);
  // One render per form (in parallel, through the pool's queue), so each keeps its own page numbers.
  const parts = await Promise.all(
    ids.map((id) =>
      renderPdf(deps.pool, () => {
        const token = signPrintToken(deps.secret, { form: form.key, ids: [id], userId: actor.id });
        return { url: `${deps.origin}${printPagePath(form, [id])}?t=${token}` };
      }),
    ),
  );
  const pdf = await mergePdfs(parts);
  const numbers = docs.map((d) => form.numberOf(d) as string);
  await inTransaction(db, async (tx) => {
    for (const [k, doc] of docs.entries()) {
      await writeAudit(tx, actor, {
        action: "print.form",
        entity: form.entity,
        entityId: form.idOf(doc) as string,
        after: { form: form.key, number: numbers[k]!, ...(docs.length > 1 ? { batch: numbers } : {}), bytes: pdf.byteLength },
      });
    }
  });
  const t0 = form.titleOf(docs[0], printTranslator()) as string;
  const fileName = docs.length === 1 ? `${t0}-${numbers[0]}.pdf` : `${t0}-${numbers[0]}等${docs.length}份.pdf`;
  return { pdf, fileName, numbers };
}

export type PageAccess = { token: string } | { sessionUser: PrintViewer | null };

/**
 * Who is looking at a print page: Chromium with a valid token (re-reading the user, who must
 * still be active and still hold a role for the form) or a signed-in user with such a role.
 * Returns null when neither holds, for the page to answer 404.
 */
export async function printPageViewer(db: Db, form: AnyPrintForm, ids: readonly string[], access: PageAccess, secret: string): Promise<PrintViewer | null> {
  if ("sessionUser" in access) {
    const u = access.sessionUser;
    return u && hasAnyRole(u.roles, form.roles) ? u : null;
  }
  const verdict = verifyPrintToken(secret, access.token, { form: form.key, ids });
  if (!verdict.ok) return null;
  const user = await db.user.findUnique({
    where: { id: verdict.grant.userId },
    select: { id: true, displayName: true, isActive: true, roles: { select: { role: true } } },
  });
  if (!user?.isActive) return null;
  const viewer: PrintViewer = { id: user.id, name: user.displayName, roles: user.roles.map((r) => r.role) };
  return hasAnyRole(viewer.roles, form.roles) ? viewer : null;
}
