"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input } from "@/components/ui/field";
import { ZRequestRenewal } from "@/server/domain/borrowing/loan.schema";
import { addCalendarDays } from "@/server/domain/borrowing/loan-period";

/** 续借 asked by the borrower: a later due day (up to the longest period allowed) and why. */
export function RenewalRequestForm({ requestId, dueOn, latest }: { requestId: string; dueOn: string; latest: string }) {
  const t = useTranslations("loans");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZRequestRenewal, { requestId, newDueOn: "", reason: "" });
  const ask = useMutation(trpc.borrowing.loans.requestRenewal.mutationOptions({ onSuccess: () => refresh(t("renewalRequested")), onError: (e) => showServerError(form, e) }));
  return (
    <form onSubmit={form.handleSubmit((v) => ask.mutate(v))} noValidate className="space-y-3">
      <p className="text-sm text-slate-600">{t("renewalHint")}</p>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Field label={t("newDueOn")} htmlFor="renew-due" error={form.errorOf("newDueOn")} required>
          <Input id="renew-due" type="date" min={addCalendarDays(dueOn, 1)} max={latest} aria-invalid={!!form.errorOf("newDueOn")} {...form.register("newDueOn")} />
        </Field>
        <Field label={t("renewalReason")} htmlFor="renew-reason" error={form.errorOf("reason")} required>
          <Input id="renew-reason" placeholder={t("renewalReasonPlaceholder")} aria-invalid={!!form.errorOf("reason")} {...form.register("reason")} />
        </Field>
      </div>
      <SubmitButton pending={ask.isPending} variant="secondary">
        {t("submitRenewal")}
      </SubmitButton>
    </form>
  );
}
