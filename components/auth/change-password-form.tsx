"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZChangeOwnPassword } from "@/server/domain/accounts/accounts.schema";

export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(ZChangeOwnPassword, { currentPassword: "", newPassword: "", confirmPassword: "" });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => {
        toast.success(t("changed"));
        router.replace("/");
        router.refresh();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => change.mutate(v))} className="space-y-4" noValidate>
      <Field label={t("currentPassword")} htmlFor="currentPassword" error={form.errorOf("currentPassword")} required>
        <Input id="currentPassword" type="password" autoComplete="current-password" autoFocus {...form.register("currentPassword")} aria-invalid={!!form.errorOf("currentPassword")} />
      </Field>
      <Field label={t("newPassword")} htmlFor="newPassword" error={form.errorOf("newPassword")} hint={t("passwordRules")} required>
        <Input id="newPassword" type="password" autoComplete="new-password" {...form.register("newPassword")} aria-invalid={!!form.errorOf("newPassword")} />
      </Field>
      <Field label={t("confirmPassword")} htmlFor="confirmPassword" error={form.errorOf("confirmPassword")} required>
        <Input id="confirmPassword" type="password" autoComplete="new-password" {...form.register("confirmPassword")} aria-invalid={!!form.errorOf("confirmPassword")} />
      </Field>
      <SubmitButton pending={change.isPending} className="w-full">
          {tc("save")}
        </SubmitButton>
    </form>
  );
}
