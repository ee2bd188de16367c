"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZCreateProject } from "@/server/domain/org/org.schema";
import { useRefreshWith } from "./use-admin-mutation";

export function CreateProjectForm() {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const form = useZodForm(ZCreateProject, { code: "", name: "", city: "", address: "" });
  const refresh = useRefreshWith();
  const done = () => refresh(tc("saved"));
  const create = useMutation(
    trpc.admin.createProject.mutationOptions({
      onSuccess: () => {
        form.reset();
        done();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-3 sm:grid-cols-5" noValidate>
      <Field label={t("projectCode")} htmlFor="code" error={form.errorOf("code")} required>
        <Input id="code" {...form.register("code")} aria-invalid={!!form.errorOf("code")} />
      </Field>
      <Field label={t("projectName")} htmlFor="name" error={form.errorOf("name")} required>
        <Input id="name" {...form.register("name")} aria-invalid={!!form.errorOf("name")} />
      </Field>
      <Field label={t("city")} htmlFor="city" error={form.errorOf("city")}>
        <Input id="city" {...form.register("city")} />
      </Field>
      <Field label={t("address")} htmlFor="address" error={form.errorOf("address")}>
        <Input id="address" {...form.register("address")} />
      </Field>
      <div className="flex items-end">
        <SubmitButton pending={create.isPending} className="w-full">
          {t("newProject")}
        </SubmitButton>
      </div>
    </form>
  );
}
