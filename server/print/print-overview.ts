import type { Db } from "../db/client";
import type { Locale } from "../i18n/config";
import { translatorFor } from "../i18n/translate";
import { printableFormsFor, printFormByKey } from "./forms";
import type { PrintViewer } from "./print-form";
import { PRINT_BATCH_MAX } from "./print-config";

// The 表单打印 page: the forms this person may print (with recent records to pick for a batch)
// and what they printed lately, read from the audit log (the print record is the audit entry).

// Enough to pick a batch of the latest; older ones are printed from their own pages.
const CANDIDATES = 10;

/** A form's catalogue key: the URL key in camelCase ("borrow-slip" → print.forms.borrowSlip). */
export const catalogueKeyOf = (key: string) => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export async function printableForms(db: Db, viewer: PrintViewer, locale: Locale) {
  const t = translatorFor(locale);
  const forms = printableFormsFor(viewer.roles);
  const out = await Promise.all(
    forms.map(async (f) => ({
      key: f.key,
      title: t(`print.forms.${catalogueKeyOf(f.key)}.short` as Parameters<typeof t>[0]),
      description: t(`print.forms.${catalogueKeyOf(f.key)}.description` as Parameters<typeof t>[0]),
      where: t(`print.forms.${catalogueKeyOf(f.key)}.where` as Parameters<typeof t>[0]),
      candidates: await f.recent(db, viewer, CANDIDATES, t),
    })),
  );
  return { forms: out, batchMax: PRINT_BATCH_MAX };
}

export async function recentPrints(db: Db, viewer: PrintViewer, limit = 10) {
  const rows = await db.auditLog.findMany({
    where: { actorId: viewer.id, action: "print.form" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, entity: true, entityId: true, after: true },
  });
  return rows.map((r) => {
    const after = (r.after ?? {}) as { form?: string; number?: string; batch?: string[] };
    const form = after.form ? printFormByKey(after.form) : undefined;
    return {
      id: r.id.toString(),
      at: r.at,
      form: form?.key ?? after.form ?? "",
      number: after.number ?? "",
      batchSize: after.batch?.length ?? 1,
      recordId: r.entityId,
      // Printable again only while this person still holds a role for the form.
      canReprint: !!form && !!r.entityId && form.roles.some((role) => viewer.roles.includes(role)),
    };
  });
}
