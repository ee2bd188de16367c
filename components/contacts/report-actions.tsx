"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZReportSign, ZReportSupersede } from "@/server/domain/contacts/reports.schema";
import type { ReportKind } from "@/server/domain/contacts/report-periods";
import { textarea } from "./contact-form";

/** 生成: creates the period's report (or opens the one a colleague generated meanwhile). */
export function GenerateButton({ kind, periodKey }: { kind: ReportKind; periodKey: string }) {
  const t = useTranslations("contactReports");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const generate = useMutation(
    trpc.contacts.reports.generate.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("generated"));
        router.push(`/contacts/reports/${r.id}`);
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <Button size="sm" disabled={!hydrated || generate.isPending} onClick={() => generate.mutate({ kind, periodKey })}>
      {t("generate")}
    </Button>
  );
}

export function RecountButton({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations("contactReports");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const recount = useMutation(
    trpc.contacts.reports.regenerate.mutationOptions({
      onSuccess: () => {
        toast.success(t("regenerated"));
        router.refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <Button variant="secondary" disabled={!hydrated || recount.isPending} onClick={() => recount.mutate({ reportId, version })}>
      {t("regenerate")}
    </Button>
  );
}

/** 审核签字: the CS specialist's remarks and signature; the figures are final from then on. */
export function SignForm({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations("contactReports");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZReportSign, { reportId, version, remarks: "" });
  const sign = useMutation(
    trpc.contacts.reports.sign.mutationOptions({
      onSuccess: () => {
        toast.success(t("signed"));
        router.refresh();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => sign.mutate(v))} className="space-y-3" noValidate aria-label={t("sign")}>
      <Field label={t("remarks")} htmlFor="remarks" hint={t("remarksHint")} error={form.errorOf("remarks")}>
        <textarea id="remarks" rows={3} className={textarea} {...form.register("remarks")} />
      </Field>
      <SubmitButton pending={sign.isPending}>{t("sign")}</SubmitButton>
    </form>
  );
}

export function SupersedeForm({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations("contactReports");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZReportSupersede, { reportId, version, reason: "" });
  const supersede = useMutation(
    trpc.contacts.reports.supersede.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("superseded"));
        router.push(`/contacts/reports/${r.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => supersede.mutate(v))} className="space-y-3" noValidate>
      <p className="text-xs text-slate-500">{t("supersedeHint")}</p>
      <Field label={t("reason")} htmlFor="supersedeReason" error={form.errorOf("reason")} required>
        <Input id="supersedeReason" {...form.register("reason")} aria-invalid={!!form.errorOf("reason")} />
      </Field>
      <SubmitButton pending={supersede.isPending} variant="secondary">
        {t("supersede")}
      </SubmitButton>
    </form>
  );
}
