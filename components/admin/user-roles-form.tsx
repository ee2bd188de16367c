"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZSetRoles } from "@/server/domain/accounts/accounts.schema";
import type { Role } from "@/server/auth/roles";
import { RoleCheckboxes } from "./role-checkboxes";
import { useRefreshWith } from "./use-admin-mutation";

export function UserRolesForm({ userId, roles }: { userId: string; roles: Role[] }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZSetRoles, { userId, roles });
  const save = useMutation(trpc.admin.setRoles.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => showServerError(form, e) }));
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="space-y-3" noValidate>
      <Field label={t("roles")} error={form.errorOf("roles")}>
        <RoleCheckboxes idPrefix="edit-role" register={form.register("roles")} />
      </Field>
      <div className="flex justify-end">
        <SubmitButton pending={save.isPending}>
          {t("saveRoles")}
        </SubmitButton>
      </div>
    </form>
  );
}
