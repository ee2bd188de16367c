"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input, Select } from "@/components/ui/field";
import { SECOND_APPROVER_CHOICES, ZBorrowSettings, type TBorrowSettings } from "@/server/domain/borrowing/borrow.schema";

/** 借阅设置: loan periods, the reminder lead and who reviews 机密 loans (admin; audited). */
export function SettingsForm({ values }: { values: TBorrowSettings }) {
  const t = useTranslations("borrowSettingsPage");
  const tr = useTranslations("roles");
  const tw = useTranslations("clockWarnings");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZBorrowSettings, values);
  const save = useMutation(trpc.borrowing.requests.updateSettings.mutationOptions({ onSuccess: () => refresh(t("saved")), onError: (e) => showServerError(form, e) }));
  const number = { valueAsNumber: true } as const;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="grid max-w-2xl gap-4 sm:grid-cols-2">
      <Field label={t("defaultLoanDays")} htmlFor="defaultLoanDays" hint={t("defaultHint")} error={form.errorOf("defaultLoanDays")} required>
        <Input id="defaultLoanDays" type="number" min={1} max={365} inputMode="numeric" {...form.register("defaultLoanDays", number)} aria-invalid={!!form.errorOf("defaultLoanDays")} />
      </Field>
      <Field label={t("maxLoanDays")} htmlFor="maxLoanDays" hint={t("maxHint")} error={form.errorOf("maxLoanDays")} required>
        <Input id="maxLoanDays" type="number" min={1} max={365} inputMode="numeric" {...form.register("maxLoanDays", number)} aria-invalid={!!form.errorOf("maxLoanDays")} />
      </Field>
      <Field label={t("secretApproverRole")} htmlFor="secretApproverRole" hint={t("secretHint")} error={form.errorOf("secretApproverRole")} required>
        <Select id="secretApproverRole" {...form.register("secretApproverRole")}>
          {SECOND_APPROVER_CHOICES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("remindDaysBefore")} htmlFor="remindDaysBefore" hint={t("remindHint")} error={form.errorOf("remindDaysBefore")} required>
        <Input id="remindDaysBefore" type="number" min={0} max={30} inputMode="numeric" {...form.register("remindDaysBefore", number)} aria-invalid={!!form.errorOf("remindDaysBefore")} />
      </Field>
      <label className="flex items-start gap-2 text-sm text-slate-700 sm:col-span-2">
        <input type="checkbox" className="mt-1" {...form.register("countWorkingDays")} />
        <span>
          {tw("countWorkingDays")}
          <span className="block text-xs text-slate-500">{tw("countWorkingDaysHint")}</span>
        </span>
      </label>
      <div className="sm:col-span-2">
        <SubmitButton pending={save.isPending}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
