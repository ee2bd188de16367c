"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useFieldArray } from "react-hook-form";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input } from "@/components/ui/field";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { ZUpdateLocation, ZUpdatePaperItems } from "@/server/domain/archive/archive.schema";
import { PaperItemRows } from "./paper-item-rows";

// The archivist's edits on the record page: where the file sits, and what paper it holds.

export function LocationForm({ recordId, cabinet, shelf, box }: { recordId: string; cabinet: string | null; shelf: string | null; box: string | null }) {
  const t = useTranslations("archive");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const form = useZodForm(ZUpdateLocation, { recordId, cabinet: cabinet ?? "", shelf: shelf ?? "", box: box ?? "" });
  const refresh = useRefreshWith();
  const save = useMutation(trpc.archive.records.updateLocation.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => showServerError(form, e) }));
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-3 sm:grid-cols-4" noValidate>
      <Field label={t("cabinet")} htmlFor="l-cabinet" error={form.errorOf("cabinet")}>
        <Input id="l-cabinet" {...form.register("cabinet")} />
      </Field>
      <Field label={t("shelf")} htmlFor="l-shelf" error={form.errorOf("shelf")}>
        <Input id="l-shelf" {...form.register("shelf")} />
      </Field>
      <Field label={t("box")} htmlFor="l-box" error={form.errorOf("box")}>
        <Input id="l-box" {...form.register("box")} />
      </Field>
      <div className="flex items-end">
        <SubmitButton pending={save.isPending} variant="secondary" className="w-full">
          {t("saveLocation")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function PaperItemsForm({ recordId, items }: { recordId: string; items: { name: string; count: number; remark: string | null }[] }) {
  const t = useTranslations("archive");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const form = useZodForm(ZUpdatePaperItems, { recordId, items: items.map((i) => ({ name: i.name, count: i.count, remark: i.remark ?? "" })) });
  const paper = useFieldArray({ control: form.control, name: "items" });
  const refresh = useRefreshWith();
  const save = useMutation(trpc.archive.records.updatePaperItems.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => showServerError(form, e) }));
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <PaperItemRows paper={paper} form={form} field="items" prefix="k" />
      <div className="mt-3">
        <SubmitButton pending={save.isPending} variant="secondary">
          {t("savePaperItems")}
        </SubmitButton>
      </div>
    </form>
  );
}
