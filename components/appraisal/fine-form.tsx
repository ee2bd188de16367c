"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input, Select } from "@/components/ui/field";
import { ZFineProposal, ZRecordFine } from "@/server/domain/appraisal/appraisal.schema";
import { FINE_RULES } from "@/server/domain/appraisal/fines";

type Person = { id: string; name: string };

/** 登记违规: the proposed penalty (from the person's count this year) is shown before saving. */
export function FineForm({ people, today }: { people: Person[]; today: string }) {
  const t = useTranslations("appraisalFines");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZRecordFine, { employeeId: "", rule: 0, occurredOn: today, callCost: "", description: "" });
  const v = form.watch();
  const probe = ZFineProposal.safeParse({ employeeId: v.employeeId, rule: Number(v.rule), occurredOn: v.occurredOn, callCost: v.callCost || null });
  const canPropose = probe.success && (Number(v.rule) !== 14 || !!v.callCost);
  const proposal = useQuery({ ...trpc.appraisal.fines.proposal.queryOptions(probe.success ? probe.data : { employeeId: "", rule: 1, occurredOn: today }), enabled: canPropose });
  const record = useMutation(
    trpc.appraisal.fines.record.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("saved", { occurrence: r.occurrence, amount: r.fineAmount }));
        form.reset({ employeeId: "", rule: 0, occurredOn: today, callCost: "", description: "" });
        router.refresh();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const name = people.find((p) => p.id === v.employeeId)?.name ?? "";
  const p = canPropose ? proposal.data : undefined;

  return (
    <form onSubmit={form.handleSubmit((x) => record.mutate({ ...x, rule: Number(x.rule), callCost: x.callCost || null }))} className="grid gap-3 md:grid-cols-4" noValidate>
      <Field label={t("employee")} htmlFor="fineEmployee" error={form.errorOf("employeeId")} required>
        <Select id="fineEmployee" {...form.register("employeeId")}>
          <option value="">—</option>
          {people.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("rule")} htmlFor="fineRule" error={form.errorOf("rule")} required className="md:col-span-2">
        <Select id="fineRule" {...form.register("rule", { valueAsNumber: true })}>
          <option value={0}>{t("chooseRule")}</option>
          {FINE_RULES.map((r) => (
            <option key={r} value={r}>
              {t("ruleOption", { rule: r, text: t(`rules.${r}` as "rules.1") })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("occurredOn")} htmlFor="fineDate" error={form.errorOf("occurredOn")} required>
        <Input id="fineDate" type="date" {...form.register("occurredOn")} />
      </Field>
      <Field label={t("callCost")} htmlFor="fineCost" error={form.errorOf("callCost")} hint={t("callCostHint")}>
        <Input id="fineCost" inputMode="decimal" disabled={Number(v.rule) !== 14} {...form.register("callCost")} />
      </Field>
      <Field label={t("description")} htmlFor="fineDesc" error={form.errorOf("description")} required className="md:col-span-3">
        <Input id="fineDesc" {...form.register("description")} />
      </Field>
      <div className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200 md:col-span-3" aria-live="polite" data-testid="fine-proposal">
        <p className="font-medium text-slate-800">{t("proposal")}</p>
        {p ? (
          <p className="mt-1">
            {t("proposalLine", { name, occurrence: p.occurrence, prior: p.priorInYear })}：{t("fine")} {t("yuan", { amount: p.fineAmount })}
            {p.compensation !== "0.00" && ` · ${t("compensation")} ${t("yuan", { amount: p.compensation })}`}
            {p.suspensionDays > 0 && ` · ${t("suspension", { days: p.suspensionDays })}`}
            {p.dismissal && <strong className="text-red-700"> · {t("dismissal")}</strong>}
          </p>
        ) : (
          <p className="mt-1 text-slate-500">{t("fillToPropose")}</p>
        )}
      </div>
      <div className="flex items-end">
        <SubmitButton pending={record.isPending}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
