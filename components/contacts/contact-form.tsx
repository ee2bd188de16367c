"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input, Select } from "@/components/ui/field";
import { ComplainantPicker, type Pick } from "@/components/complaints/complainant-picker";
import { CONTACT_CHANNELS, CONTACT_PURPOSES, ZContactRecord } from "@/server/domain/contacts/contacts.schema";

export const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/**
 * 来电来访登记 while the caller is on the line: the cursor starts on the caller (search as you
 * type over clients and units, or just a stranger's name), Tab walks the fields in the order of
 * the conversation, Ctrl+Enter saves. The time comes last: it is usually left empty for "now",
 * and a datetime-local field takes one Tab per segment.
 */
export function ContactForm() {
  const t = useTranslations("contacts");
  const trpc = useTRPC();
  const router = useRouter();
  const [picked, setPicked] = useState<Pick | null>(null);
  const form = useZodForm(ZContactRecord, { channel: "phone", purpose: undefined, callerName: "", callerPhone: "", content: "", answer: "", followUpNeeded: false, occurredAt: "", clientId: null, unitId: null });
  const record = useMutation(
    trpc.contacts.record.mutationOptions({
      onSuccess: (c) => {
        toast.success(t("created", { contactNo: c.contactNo }));
        router.push(`/contacts?created=${encodeURIComponent(c.contactNo)}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const submit = form.handleSubmit((v) => record.mutate({ ...v, clientId: picked?.clientId ?? null, unitId: picked?.unitId ?? null }));
  const name = form.watch("callerName");

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
      aria-label={t("newTitle")}
    >
      <Field label={t("caller")} htmlFor="callerName" error={form.errorOf("callerName")} hint={t("callerHint")} required className="md:col-span-2">
        <ComplainantPicker
          id="callerName"
          autoFocus
          value={name ?? ""}
          onChange={(v) => form.setValue("callerName", v, { shouldValidate: form.formState.isSubmitted })}
          picked={picked}
          onPick={setPicked}
          invalid={!!form.errorOf("callerName")}
        />
      </Field>
      <Field label={t("callerPhone")} htmlFor="callerPhone" error={form.errorOf("callerPhone")} hint={picked?.phone ? t("phoneFromClient", { phone: picked.phone }) : undefined}>
        <Input id="callerPhone" inputMode="tel" autoComplete="off" {...form.register("callerPhone")} aria-invalid={!!form.errorOf("callerPhone")} />
      </Field>
      <Field label={t("channel")} htmlFor="channel">
        <Select id="channel" {...form.register("channel")}>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("purpose")} htmlFor="purpose" error={form.errorOf("purpose")} required>
        <Select id="purpose" {...form.register("purpose", { setValueAs: (v: string) => (v === "" ? undefined : v) })} aria-invalid={!!form.errorOf("purpose")}>
          <option value="">{t("choosePurpose")}</option>
          {CONTACT_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`purposes.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("content")} htmlFor="content" error={form.errorOf("content")} required className="md:col-span-2">
        <textarea id="content" rows={3} className={textarea} {...form.register("content")} aria-invalid={!!form.errorOf("content")} />
      </Field>
      <Field label={t("answer")} htmlFor="answer" error={form.errorOf("answer")} className="md:col-span-2">
        <textarea id="answer" rows={2} className={textarea} {...form.register("answer")} aria-invalid={!!form.errorOf("answer")} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700 md:col-span-2">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register("followUpNeeded")} />
        {t("followUpNeeded")}
      </label>
      <Field label={t("occurredAt")} htmlFor="occurredAt" error={form.errorOf("occurredAt")} hint={t("occurredAtHint")}>
        <Input id="occurredAt" type="datetime-local" {...form.register("occurredAt")} aria-invalid={!!form.errorOf("occurredAt")} />
      </Field>
      <div className="md:col-span-2">
        <SubmitButton pending={record.isPending}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
