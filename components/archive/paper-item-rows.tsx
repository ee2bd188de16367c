"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

// One row per document (name / count / note), used by the new-record form ("paperItems") and
// the keeper's paper items form ("items"). The two forms' types differ only in that field name,
// so the form is taken structurally.
type Row = "name" | "count" | "remark";
type AnyForm = {
  register: (name: string) => object;
  errorOf: (name: string) => string | undefined;
};

export function PaperItemRows({
  paper,
  form,
  field,
  prefix,
}: {
  paper: { fields: { id: string; name?: string }[]; append: (v: { name: string; count: number; remark: string }) => void; remove: (i: number) => void };
  form: unknown;
  field: "paperItems" | "items";
  prefix: string;
}) {
  const t = useTranslations("archive");
  const f = form as AnyForm;
  const path = (i: number, k: Row) => `${field}.${i}.${k}`;
  return (
    <div className="mt-4">
      <p className="mb-2 text-xs text-slate-500">{t("paperItemsHint")}</p>
      {f.errorOf(field) && <p className="mb-2 text-xs text-red-600">{f.errorOf(field)}</p>}
      {paper.fields.length === 0 && <p className="text-sm text-slate-500">{t("noPaperItems")}</p>}
      <div className="space-y-2" data-testid="paper-items">
        {paper.fields.map((row, i) => (
          <div key={row.id} data-item={row.name} className="grid items-start gap-2 sm:grid-cols-[1fr_6rem_1fr_auto]">
            <div>
              <Input aria-label={`${t("itemName")} ${i + 1}`} id={`${prefix}-p${i}-name`} {...f.register(path(i, "name"))} />
              {f.errorOf(path(i, "name")) && <p className="text-xs text-red-600">{f.errorOf(path(i, "name"))}</p>}
            </div>
            <div>
              <Input aria-label={`${t("paperCount")} ${i + 1}`} id={`${prefix}-p${i}-count`} inputMode="numeric" {...f.register(path(i, "count"))} />
              {f.errorOf(path(i, "count")) && <p className="text-xs text-red-600">{f.errorOf(path(i, "count"))}</p>}
            </div>
            <Input aria-label={`${t("paperRemark")} ${i + 1}`} id={`${prefix}-p${i}-remark`} {...f.register(path(i, "remark"))} />
            <Button variant="ghost" onClick={() => paper.remove(i)}>
              {t("removePaperItem")}
            </Button>
          </div>
        ))}
      </div>
      <Button variant="secondary" size="sm" className="mt-2" onClick={() => paper.append({ name: "", count: 1, remark: "" })}>
        {t("addPaperItem")}
      </Button>
    </div>
  );
}
