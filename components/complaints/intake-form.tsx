"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { CHANNELS, SEVERITIES, ZIntake } from "@/server/domain/complaints/complaints.schema";
import { ComplainantPicker, type Pick } from "./complainant-picker";

/** 转投诉: what the 来电来访登记 entry gives the intake (contacts.complaintPrefill). */
type ContactPrefill = { contactId: string; contactNo: string; channel: "phone" | "visit"; complainantName: string; clientId: string | null; unitId: string | null; unit: string | null; phone: string; content: string; receivedAt: string };

/** Now as a datetime-local value in Asia/Shanghai (no DST: UTC+8), to the minute: 受理时间's max. */
function shanghaiNowMinute(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * 受理 for a phone call: the cursor starts on the complainant, Tab walks the fields in the order
 * the caller gives them, Ctrl+Enter (or Enter on the button) registers. Defaults fit a call:
 * channel 来电, severity 一般, received now, reply promised at the latest allowed.
 */
export function IntakeForm({ categories, replyDays, prefill = null }: { categories: { id: string; name: string }[]; replyDays: number; prefill?: ContactPrefill | null }) {
  const t = useTranslations("complaints");
  const tContacts = useTranslations("contacts");
  const trpc = useTRPC();
  const router = useRouter();
  const [picked, setPicked] = useState<Pick | null>(
    prefill && (prefill.clientId || prefill.unitId) ? { clientId: prefill.clientId, unitId: prefill.unitId, name: prefill.complainantName, unit: prefill.unit, phone: prefill.phone } : null,
  );
  const form = useZodForm(ZIntake, {
    channel: prefill?.channel ?? "phone",
    severity: "normal",
    categoryId: "",
    complainantName: prefill?.complainantName ?? "",
    contactPhone: "",
    content: prefill?.content ?? "",
    receivedAt: prefill?.receivedAt ?? "",
    promisedReplyAt: "",
    clientId: null,
    unitId: null,
    contactId: prefill?.contactId ?? null,
  });
  const intake = useMutation(
    trpc.complaints.intake.mutationOptions({
      onSuccess: (c) => {
        toast.success(t("created", { complaintNo: c.complaintNo }));
        router.push(`/complaints/${c.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const submit = form.handleSubmit((v) => intake.mutate({ ...v, clientId: picked?.clientId ?? null, unitId: picked?.unitId ?? null }));
  const name = form.watch("complainantName");
  const receivedAt = form.watch("receivedAt");
  // The rules the server checks, as the pickers' bounds: received not after now, the promise not
  // before receipt. Read after hydration so the server's render and the browser's agree.
  const hydrated = useHydrated();
  const now = hydrated ? shanghaiNowMinute() : undefined;
  const severity = form.watch("severity");

  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
      className="grid max-w-3xl gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 md:grid-cols-2"
      noValidate
    >
      {prefill && <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 md:col-span-2">{tContacts("prefillBanner", { contactNo: prefill.contactNo })}</p>}
      <Field label={t("complainant")} htmlFor="complainantName" error={form.errorOf("complainantName")} required className="md:col-span-2">
        <ComplainantPicker
          id="complainantName"
          autoFocus
          value={name ?? ""}
          onChange={(v) => form.setValue("complainantName", v, { shouldValidate: form.formState.isSubmitted })}
          picked={picked}
          onPick={setPicked}
          invalid={!!form.errorOf("complainantName")}
        />
      </Field>
      <Field label={t("contactPhone")} htmlFor="contactPhone" error={form.errorOf("contactPhone")} hint={picked?.phone ? t("contactFromClient", { phone: picked.phone }) : undefined}>
        <Input id="contactPhone" inputMode="tel" autoComplete="off" {...form.register("contactPhone")} aria-invalid={!!form.errorOf("contactPhone")} />
      </Field>
      <Field label={t("channel")} htmlFor="channel">
        <Select id="channel" {...form.register("channel")}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("category")} htmlFor="categoryId" error={form.errorOf("categoryId")} required>
        <Select id="categoryId" {...form.register("categoryId")} aria-invalid={!!form.errorOf("categoryId")}>
          <option value="">{t("chooseCategory")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("severity")} htmlFor="severity" hint={severity === "major" ? t("majorHint") : undefined}>
        <Select id="severity" {...form.register("severity")}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severities.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("content")} htmlFor="content" error={form.errorOf("content")} required className="md:col-span-2">
        <Textarea id="content" rows={4} {...form.register("content")} aria-invalid={!!form.errorOf("content")} />
      </Field>
      <Field label={t("receivedAt")} htmlFor="receivedAt" error={form.errorOf("receivedAt")} hint={t("receivedAtHint")}>
        <Input id="receivedAt" type="datetime-local" max={now} {...form.register("receivedAt")} aria-invalid={!!form.errorOf("receivedAt")} />
      </Field>
      <Field label={t("promisedReplyAt")} htmlFor="promisedReplyAt" error={form.errorOf("promisedReplyAt")} hint={t("promisedReplyHint", { days: replyDays })}>
        <Input id="promisedReplyAt" type="datetime-local" min={receivedAt || now} {...form.register("promisedReplyAt")} aria-invalid={!!form.errorOf("promisedReplyAt")} />
      </Field>
      <div className="md:col-span-2">
        <SubmitButton pending={intake.isPending}>{t("submitIntake")}</SubmitButton>
      </div>
    </form>
  );
}
