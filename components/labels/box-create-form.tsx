"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input } from "@/components/ui/field";
import { ZCreateBox } from "@/server/domain/labels/labels.schema";

/** 新建档案盒: an empty box the archivist labels before filling it. */
export function BoxCreateForm() {
  const t = useTranslations("labels");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZCreateBox, { cabinet: "", shelf: "", box: "", note: "" });
  const create = useMutation(
    trpc.labels.boxes.create.mutationOptions({
      onSuccess: (b) => {
        form.reset();
        refresh(t("created", { code: b.code }));
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="flex flex-wrap items-start gap-3" noValidate>
      {(["cabinet", "shelf", "box"] as const).map((k) => (
        <Field key={k} label={t(k)} htmlFor={`newBox-${k}`} error={form.errorOf(k)} required className="w-32">
          <Input id={`newBox-${k}`} {...form.register(k)} aria-invalid={!!form.errorOf(k)} />
        </Field>
      ))}
      <Field label={t("note")} htmlFor="newBox-note" error={form.errorOf("note")} className="min-w-48 flex-1">
        <Input id="newBox-note" {...form.register("note")} />
      </Field>
      <SubmitButton pending={create.isPending} className="mt-6">
        {t("create")}
      </SubmitButton>
    </form>
  );
}
