"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZUpdateUser } from "@/server/domain/accounts/accounts.schema";
import { DepartmentSelect, type DepartmentOption } from "./department-select";
import { useRefreshWith } from "./use-admin-mutation";

export function UserProfileForm({
  user,
  departments,
}: {
  user: { id: string; displayName: string; phone: string | null; departmentId: string | null };
  departments: DepartmentOption[];
}) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZUpdateUser, { userId: user.id, displayName: user.displayName, phone: user.phone ?? "", departmentId: user.departmentId });
  const save = useMutation(trpc.admin.updateUser.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => showServerError(form, e) }));
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="space-y-3" noValidate>
      <Field label={t("displayName")} htmlFor="displayName" error={form.errorOf("displayName")} required>
        <Input id="displayName" {...form.register("displayName")} aria-invalid={!!form.errorOf("displayName")} />
      </Field>
      <Field label={t("phone")} htmlFor="phone" error={form.errorOf("phone")}>
        <Input id="phone" inputMode="tel" {...form.register("phone")} aria-invalid={!!form.errorOf("phone")} />
      </Field>
      <Field label={t("department")} htmlFor="departmentId">
        <DepartmentSelect id="departmentId" departments={departments} {...form.register("departmentId", { setValueAs: (v: string) => v || null })} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={save.isPending}>
          {tc("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
