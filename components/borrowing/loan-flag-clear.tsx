"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/field";
import { ZClearRecordFlag } from "@/server/domain/borrowing/loan.schema";

/** The archivist clears an incomplete-return flag, saying how it was resolved (kept in the history). */
export function LoanFlagClear({ recordId }: { recordId: string }) {
  const t = useTranslations("loans");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZClearRecordFlag, { recordId, comment: "" });
  const clear = useMutation(trpc.borrowing.loans.clearRecordFlag.mutationOptions({ onSuccess: () => refresh(t("flagCleared")), onError: (e) => showServerError(form, e) }));
  const error = form.errorOf("comment");
  return (
    <form onSubmit={form.handleSubmit((v) => clear.mutate(v))} noValidate className="flex flex-wrap items-start gap-2">
      <div className="min-w-64 flex-1">
        <Input aria-label={t("clearFlagComment")} placeholder={t("clearFlagPlaceholder")} aria-invalid={!!error} className="h-8" {...form.register("comment")} />
        {error && (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        )}
      </div>
      <SubmitButton pending={clear.isPending} variant="secondary" className="h-8">
        {t("clearFlag")}
      </SubmitButton>
    </form>
  );
}
