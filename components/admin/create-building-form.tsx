"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZCreateBuilding } from "@/server/domain/org/org.schema";
import { useRefreshWith } from "./use-admin-mutation";

export function CreateBuildingForm({ projectId, nextOrder }: { projectId: string; nextOrder: number }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const tc = useTranslations("common");
  const form = useZodForm(ZCreateBuilding, { projectId, code: "", name: "", sortOrder: nextOrder });
  const refresh = useRefreshWith();
  const done = () => refresh(tc("saved"));
  const create = useMutation(
    trpc.admin.createBuilding.mutationOptions({
      onSuccess: () => {
        form.reset({ projectId, code: "", name: "", sortOrder: nextOrder + 1 });
        done();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-3 sm:grid-cols-4" noValidate>
      <Field label={t("buildingCode")} htmlFor="b-code" error={form.errorOf("code")} required>
        <Input id="b-code" {...form.register("code")} aria-invalid={!!form.errorOf("code")} />
      </Field>
      <Field label={t("buildingName")} htmlFor="b-name" error={form.errorOf("name")} required>
        <Input id="b-name" {...form.register("name")} aria-invalid={!!form.errorOf("name")} />
      </Field>
      <Field label={t("sortOrder")} htmlFor="b-order" error={form.errorOf("sortOrder")}>
        <Input id="b-order" inputMode="numeric" {...form.register("sortOrder")} aria-invalid={!!form.errorOf("sortOrder")} />
      </Field>
      <div className="flex items-end">
        <SubmitButton pending={create.isPending} className="w-full">
          {t("newBuilding")}
        </SubmitButton>
      </div>
    </form>
  );
}
