"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input, Select } from "@/components/ui/field";
import { CONTACT_CHANNELS, CONTACT_PURPOSES, ZContactCorrect, ZContactVoid, ZFollowUpDone } from "@/server/domain/contacts/contacts.schema";
import { textarea } from "./contact-form";

type Contact = {
  id: string;
  version: number;
  channel: (typeof CONTACT_CHANNELS)[number];
  purpose: (typeof CONTACT_PURPOSES)[number];
  clientId: string | null;
  unitId: string | null;
  callerName: string;
  content: string;
  answer: string;
  followUpNeeded: boolean;
  occurredAtText: string;
};

const panel = "rounded-lg bg-white shadow-sm ring-1 ring-slate-200 [&[open]>summary]:border-b [&[open]>summary]:border-slate-100";
const summary = "cursor-pointer select-none px-4 py-3 text-sm font-semibold text-slate-800";

export function FollowUpForm({ contact }: { contact: Contact }) {
  const t = useTranslations("contacts");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZFollowUpDone, { contactId: contact.id, version: contact.version, note: "" });
  const done = useMutation(
    trpc.contacts.completeFollowUp.mutationOptions({
      onSuccess: () => {
        toast.success(t("followUpSaved"));
        router.refresh();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => done.mutate(v))} className="space-y-3" noValidate>
      <Field label={t("followUpNote")} htmlFor="followUpNote" error={form.errorOf("note")} required>
        <textarea id="followUpNote" rows={2} className={textarea} {...form.register("note")} aria-invalid={!!form.errorOf("note")} />
      </Field>
      <SubmitButton pending={done.isPending}>{t("completeFollowUp")}</SubmitButton>
    </form>
  );
}

/** 更正 and 作废: the recorder or a lead; each asks why, and the audit log keeps the old values. */
export function AmendPanels({ contact }: { contact: Contact }) {
  const t = useTranslations("contacts");
  const trpc = useTRPC();
  const router = useRouter();
  const fix = useZodForm(ZContactCorrect, {
    contactId: contact.id,
    version: contact.version,
    reason: "",
    channel: contact.channel,
    purpose: contact.purpose,
    clientId: contact.clientId,
    unitId: contact.unitId,
    callerName: contact.callerName,
    callerPhone: "",
    content: contact.content,
    answer: contact.answer,
    followUpNeeded: contact.followUpNeeded,
    occurredAt: contact.occurredAtText,
  });
  const correct = useMutation(
    trpc.contacts.correct.mutationOptions({
      onSuccess: () => {
        toast.success(t("corrected"));
        router.refresh();
      },
      onError: (e) => showServerError(fix, e),
    }),
  );
  const voidForm = useZodForm(ZContactVoid, { contactId: contact.id, version: contact.version, reason: "" });
  const voidIt = useMutation(
    trpc.contacts.void.mutationOptions({
      onSuccess: () => {
        toast.success(t("voidedDone"));
        router.refresh();
      },
      onError: (e) => showServerError(voidForm, e),
    }),
  );
  return (
    <div className="space-y-3">
      <details className={panel}>
        <summary className={summary}>{t("correctTitle")}</summary>
        <form onSubmit={fix.handleSubmit((v) => correct.mutate(v))} className="grid gap-3 p-4 md:grid-cols-2" noValidate>
          <p className="text-xs text-slate-500 md:col-span-2">{t("correctHint")}</p>
          <Field label={t("caller")} htmlFor="fixCaller" error={fix.errorOf("callerName")} required>
            <Input id="fixCaller" {...fix.register("callerName")} aria-invalid={!!fix.errorOf("callerName")} />
          </Field>
          <Field label={t("callerPhone")} htmlFor="fixPhone" error={fix.errorOf("callerPhone")} hint={t("phoneKeep")}>
            <Input id="fixPhone" inputMode="tel" {...fix.register("callerPhone")} aria-invalid={!!fix.errorOf("callerPhone")} />
          </Field>
          <Field label={t("channel")} htmlFor="fixChannel">
            <Select id="fixChannel" {...fix.register("channel")}>
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("purpose")} htmlFor="fixPurpose">
            <Select id="fixPurpose" {...fix.register("purpose")}>
              {CONTACT_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`purposes.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("occurredAt")} htmlFor="fixAt" error={fix.errorOf("occurredAt")}>
            <Input id="fixAt" {...fix.register("occurredAt")} aria-invalid={!!fix.errorOf("occurredAt")} />
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...fix.register("followUpNeeded")} />
            {t("followUpNeeded")}
          </label>
          <Field label={t("content")} htmlFor="fixContent" error={fix.errorOf("content")} required className="md:col-span-2">
            <textarea id="fixContent" rows={3} className={textarea} {...fix.register("content")} aria-invalid={!!fix.errorOf("content")} />
          </Field>
          <Field label={t("answer")} htmlFor="fixAnswer" error={fix.errorOf("answer")} className="md:col-span-2">
            <textarea id="fixAnswer" rows={2} className={textarea} {...fix.register("answer")} />
          </Field>
          <Field label={t("reason")} htmlFor="fixReason" error={fix.errorOf("reason")} required className="md:col-span-2">
            <Input id="fixReason" {...fix.register("reason")} aria-invalid={!!fix.errorOf("reason")} />
          </Field>
          <div className="md:col-span-2">
            <SubmitButton pending={correct.isPending}>{t("correct")}</SubmitButton>
          </div>
        </form>
      </details>
      <details className={panel}>
        <summary className={summary}>{t("voidTitle")}</summary>
        <form onSubmit={voidForm.handleSubmit((v) => voidIt.mutate(v))} className="space-y-3 p-4" noValidate>
          <p className="text-xs text-slate-500">{t("voidHint")}</p>
          <Field label={t("reason")} htmlFor="voidReason" error={voidForm.errorOf("reason")} required>
            <Input id="voidReason" {...voidForm.register("reason")} aria-invalid={!!voidForm.errorOf("reason")} />
          </Field>
          <SubmitButton pending={voidIt.isPending} variant="secondary">
            {t("void")}
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}
