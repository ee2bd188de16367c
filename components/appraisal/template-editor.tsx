"use client";

import Decimal from "decimal.js";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZTemplateSave, type TTemplateSave } from "@/server/domain/appraisal/appraisal.schema";
import { DIMENSIONS } from "@/server/domain/appraisal/dimensions";

const sum = (xs: (string | undefined)[]) =>
  xs.reduce((s, x) => {
    try {
      return s.plus(new Decimal(x || "0"));
    } catch {
      return s;
    }
  }, new Decimal(0));

/** Edits the current version and saves the next one; the sums show as you type (the server checks again). */
export function TemplateEditor({ initial }: { initial: TTemplateSave }) {
  const t = useTranslations("appraisalTemplates");
  const ta = useTranslations("appraisal");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZTemplateSave, initial);
  const items = useFieldArray({ control: form.control, name: "items" });
  const v = form.watch();
  const total = sum(DIMENSIONS.map((d) => v.maxima?.[d]));
  const save = useMutation(
    trpc.appraisal.templates.save.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("saved", { version: r.version }));
        router.refresh();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const prefix = `tpl-${initial.audience}`;

  return (
    <form onSubmit={form.handleSubmit((x) => save.mutate(x))} className="space-y-4" noValidate>
      <div className="grid gap-3 md:grid-cols-6">
        <Field label={t("name")} htmlFor={`${prefix}-name`} error={form.errorOf("name")} className="md:col-span-2">
          <Input id={`${prefix}-name`} {...form.register("name")} />
        </Field>
        {DIMENSIONS.map((d) => (
          <Field key={d} label={t("dimensionMax", { dimension: ta(`dimensions.${d}`) })} htmlFor={`${prefix}-max-${d}`} error={form.errorOf(`maxima.${d}`)}>
            <Input id={`${prefix}-max-${d}`} inputMode="decimal" className="text-right" {...form.register(`maxima.${d}`)} />
          </Field>
        ))}
      </div>
      <p className={total.eq(100) ? "text-sm text-emerald-700" : "text-sm font-medium text-red-700"} data-testid={`${prefix}-sum`}>
        {t("sum", { sum: total.toString() })}
      </p>
      {DIMENSIONS.map((d) => {
        const dimSum = sum((v.items ?? []).filter((i) => i.dimension === d).map((i) => i.maxScore));
        const max = v.maxima?.[d] ?? "0";
        let ok = false;
        try {
          ok = dimSum.eq(new Decimal(max || "0"));
        } catch {
          ok = false;
        }
        return (
          <fieldset key={d} className="rounded-md p-3 ring-1 ring-slate-200">
            <legend className="px-1 text-sm font-semibold text-slate-800">
              {ta(`dimensionsLong.${d}`)} <span className={ok ? "ml-2 text-xs font-normal text-emerald-700" : "ml-2 text-xs font-medium text-red-700"}>{t("dimensionSum", { sum: dimSum.toString(), max })}</span>
            </legend>
            <ul className="space-y-1.5">
              {items.fields.map((f, n) =>
                f.dimension !== d ? null : (
                  <li key={f.id} className="flex flex-wrap items-center gap-2">
                    <Input aria-label={t("itemName")} className="w-36" {...form.register(`items.${n}.name`)} aria-invalid={!!form.errorOf(`items.${n}.name`)} />
                    <Input aria-label={`${f.name} ${t("itemMax")}`} inputMode="decimal" className="w-20 text-right" {...form.register(`items.${n}.maxScore`)} aria-invalid={!!form.errorOf(`items.${n}.maxScore`)} />
                    <Input aria-label={t("itemCriteria")} placeholder={t("itemCriteria")} className="min-w-72 flex-1" {...form.register(`items.${n}.criteria`)} />
                    <Button variant="ghost" size="sm" onClick={() => items.remove(n)}>
                      {t("removeItem")}
                    </Button>
                  </li>
                ),
              )}
            </ul>
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => items.append({ dimension: d, name: "", maxScore: "1", criteria: "" })}>
              {t("addItem")}
            </Button>
          </fieldset>
        );
      })}
      <Field label={t("note")} htmlFor={`${prefix}-note`} error={form.errorOf("note")}>
        <Input id={`${prefix}-note`} {...form.register("note")} />
      </Field>
      <SubmitButton pending={save.isPending}>{t("save")}</SubmitButton>
    </form>
  );
}
