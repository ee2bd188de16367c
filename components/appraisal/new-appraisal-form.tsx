"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input, Select } from "@/components/ui/field";
import { ZCreateAppraisal } from "@/server/domain/appraisal/appraisal.schema";
import { CHECK_KINDS, KINDS } from "@/server/domain/appraisal/dimensions";

type Person = { id: string; name: string; department: string | null; audience: "operational" | "management" };

function defaultPeriod(kind: string): string {
  const now = new Date(Date.now() + 8 * 3_600_000); // Asia/Shanghai has no DST: UTC+8
  const day = now.toISOString().slice(0, 10);
  if (kind === "monthly" || kind === "monthly_check") return day.slice(0, 7);
  if (kind === "year_end") return day.slice(0, 4);
  return day;
}

export function NewAppraisalForm({ people, checksOnly, initialEmployeeId }: { people: Person[]; checksOnly: boolean; initialEmployeeId?: string }) {
  const t = useTranslations("appraisal");
  const trpc = useTRPC();
  const router = useRouter();
  const kinds = checksOnly ? CHECK_KINDS : KINDS;
  const firstKind = checksOnly ? "weekly_check" : "monthly";
  const form = useZodForm(ZCreateAppraisal, { employeeId: people.some((p) => p.id === initialEmployeeId) ? initialEmployeeId : "", kind: firstKind, period: defaultPeriod(firstKind) });
  const create = useMutation(
    trpc.appraisal.appraisals.create.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("created"));
        router.push(`/appraisal/${r.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const kind = form.watch("kind");
  const hint = kind === "monthly" || kind === "monthly_check" ? t("periodHintMonth") : kind === "year_end" ? t("periodHintYear") : t("periodHintDay");
  const kindField = form.register("kind");

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-4 sm:grid-cols-3" noValidate>
      <Field label={t("employee")} htmlFor="employeeId" error={form.errorOf("employeeId")} required>
        <Select id="employeeId" {...form.register("employeeId")} aria-invalid={!!form.errorOf("employeeId")}>
          <option value="">{t("chooseEmployee")}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{t(`audiences.${p.audience}`)}）
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("kind")} htmlFor="kind" error={form.errorOf("kind")} required>
        <Select
          id="kind"
          {...kindField}
          onChange={(e) => {
            void kindField.onChange(e);
            // Revalidated once submitted: a refusal of the old period (已存在) does not outlive it.
            form.setValue("period", defaultPeriod(e.target.value), { shouldValidate: form.formState.isSubmitted });
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("period")} htmlFor="period" error={form.errorOf("period")} link={form.linkOf("period")} hint={hint} required>
        <Input id="period" {...form.register("period")} aria-invalid={!!form.errorOf("period")} />
      </Field>
      <div className="sm:col-span-3">
        <SubmitButton pending={create.isPending}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
