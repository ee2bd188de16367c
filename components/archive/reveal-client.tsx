"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZRevealClient } from "@/server/domain/archive/search.schema";

/**
 * The masked ID number (or phone) with a 查看 button: the full values come from the server only
 * after a reason is given, and that reveal is in the audit log (004 第二十三条). Only offer it
 * to PII_REVEALERS; the procedure refuses everyone else anyway.
 */
export function RevealClient({ clientId, masked }: { clientId: string; masked: string }) {
  const t = useTranslations("reveal");
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const [full, setFull] = useState<{ idNumber: string | null; phone: string | null } | null>(null);
  const form = useZodForm(ZRevealClient, { clientId, reason: "" });
  const reveal = useMutation(
    trpc.archive.search.revealClient.mutationOptions({
      onSuccess: (v) => {
        setFull(v);
        form.reset({ clientId, reason: "" });
        dialog.current?.close();
      },
      onError: (e) => showServerError(form, e),
    }),
  );

  if (full) {
    return (
      <span className="inline-flex flex-wrap items-center gap-2" data-testid="revealed-client">
        {full.idNumber && (
          <span>
            <span className="text-xs text-slate-500">{t("idNumber")} </span>
            <span className="font-mono">{full.idNumber}</span>
          </span>
        )}
        {full.phone && (
          <span>
            <span className="text-xs text-slate-500">{t("phone")} </span>
            <span className="font-mono">{full.phone}</span>
          </span>
        )}
        <Button size="sm" variant="ghost" onClick={() => setFull(null)}>
          {t("hide")}
        </Button>
      </span>
    );
  }

  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-mono">{masked || "—"}</span>
      <Button size="sm" variant="secondary" onClick={() => dialog.current?.showModal()}>
        <Eye className="h-3.5 w-3.5" aria-hidden />
        {t("view")}
      </Button>
      <dialog ref={dialog} aria-labelledby={`reveal-${clientId}`} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form onSubmit={form.handleSubmit((v) => reveal.mutate(v))} className="space-y-3 p-5" noValidate>
          <h2 id={`reveal-${clientId}`} className="text-base font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <Field label={t("reason")} htmlFor={`reveal-reason-${clientId}`} error={form.errorOf("reason")} required>
            <Input id={`reveal-reason-${clientId}`} placeholder={t("reasonPlaceholder")} {...form.register("reason")} aria-invalid={!!form.errorOf("reason")} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <SubmitButton pending={reveal.isPending}>{t("confirm")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </span>
  );
}
