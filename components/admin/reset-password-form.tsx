"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZResetPassword } from "@/server/domain/accounts/accounts.schema";
import { useRefreshWith } from "./use-admin-mutation";

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("admin");
  const ta = useTranslations("auth");
  const trpc = useTRPC();
  const form = useZodForm(ZResetPassword, { userId, newPassword: "" });
  const refresh = useRefreshWith();
  const done = () => refresh(t("passwordReset"));
  const reset = useMutation(
    trpc.admin.resetPassword.mutationOptions({
      onSuccess: () => {
        form.reset({ userId, newPassword: "" });
        done();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => reset.mutate(v))} className="flex flex-wrap items-start gap-2" noValidate>
      <Field label={t("newPassword")} htmlFor="resetPassword" error={form.errorOf("newPassword")} hint={ta("passwordRules")} className="min-w-64 flex-1">
        <Input id="resetPassword" type="password" autoComplete="new-password" {...form.register("newPassword")} aria-invalid={!!form.errorOf("newPassword")} />
      </Field>
      <SubmitButton pending={reset.isPending} variant="secondary" className="mt-6">
          {t("resetPassword")}
        </SubmitButton>
    </form>
  );
}
