"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { LinkButton } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZCreateUser } from "@/server/domain/accounts/accounts.schema";
import { RoleCheckboxes } from "./role-checkboxes";
import { DepartmentSelect, type DepartmentOption } from "./department-select";

export function CreateUserForm({ departments }: { departments: DepartmentOption[] }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(ZCreateUser, { loginName: "", displayName: "", phone: "", departmentId: null, roles: ["staff"], initialPassword: "" });
  const create = useMutation(
    trpc.admin.createUser.mutationOptions({
      onSuccess: (u) => {
        toast.success(t("userCreated"));
        router.push(`/admin/users/${u.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field label={t("loginName")} htmlFor="loginName" error={form.errorOf("loginName")} required>
        <Input id="loginName" autoFocus autoComplete="off" {...form.register("loginName")} aria-invalid={!!form.errorOf("loginName")} />
      </Field>
      <Field label={t("displayName")} htmlFor="displayName" error={form.errorOf("displayName")} required>
        <Input id="displayName" {...form.register("displayName")} aria-invalid={!!form.errorOf("displayName")} />
      </Field>
      <Field label={t("phone")} htmlFor="phone" error={form.errorOf("phone")}>
        <Input id="phone" inputMode="tel" {...form.register("phone")} aria-invalid={!!form.errorOf("phone")} />
      </Field>
      <Field label={t("department")} htmlFor="departmentId" error={form.errorOf("departmentId")}>
        <DepartmentSelect id="departmentId" departments={departments} {...form.register("departmentId", { setValueAs: (v: string) => v || null })} />
      </Field>
      <Field label={t("roles")} error={form.errorOf("roles")} required className="sm:col-span-2">
        <RoleCheckboxes idPrefix="new-role" register={form.register("roles")} />
      </Field>
      <Field label={t("initialPassword")} htmlFor="initialPassword" error={form.errorOf("initialPassword")} hint={t("initialPasswordHint")} required>
        <Input id="initialPassword" type="password" autoComplete="new-password" {...form.register("initialPassword")} aria-invalid={!!form.errorOf("initialPassword")} />
      </Field>
      <div className="flex items-end justify-end gap-2 sm:col-span-2">
        <LinkButton href="/admin/users" variant="secondary">
          {tc("cancel")}
        </LinkButton>
        <SubmitButton pending={create.isPending}>
          {tc("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
