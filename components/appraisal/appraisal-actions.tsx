"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type ServerError = { message: string; data?: { fieldErrors?: Record<string, string> | null } | null };

function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  return {
    error,
    onSuccess: (message: string) => () => {
      setError(undefined);
      toast.success(message);
      router.refresh();
    },
    onError: (e: ServerError) => {
      const field = Object.values(e.data?.fieldErrors ?? {})[0];
      setError(field ?? e.message);
      toast.error(e.message);
    },
  };
}

/** The employee's answer: acknowledge (comment optional) or dispute (comment required). */
export function RespondForm({ appraisalId }: { appraisalId: string }) {
  const t = useTranslations("appraisal");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [comment, setComment] = useState("");
  const a = useAction();
  const ack = useMutation(trpc.appraisal.appraisals.acknowledge.mutationOptions({ onSuccess: a.onSuccess(t("acknowledged")), onError: a.onError }));
  const dispute = useMutation(trpc.appraisal.appraisals.dispute.mutationOptions({ onSuccess: a.onSuccess(t("disputed")), onError: a.onError }));
  const busy = !hydrated || ack.isPending || dispute.isPending;
  return (
    <form onSubmit={(e) => e.preventDefault()} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600">{t("respondHint")}</p>
      <Field label={t("comment")} htmlFor="respondComment" error={a.error}>
        <Input id="respondComment" value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t("commentPlaceholder")} aria-invalid={!!a.error} />
      </Field>
      <div className="flex gap-2">
        <Button disabled={busy} onClick={() => ack.mutate({ appraisalId, comment: comment || null })}>
          {t("acknowledge")}
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => dispute.mutate({ appraisalId, comment })}>
          {t("dispute")}
        </Button>
      </div>
    </form>
  );
}

export function FinaliseButton({ appraisalId, confirmText }: { appraisalId: string; confirmText: string }) {
  const t = useTranslations("appraisal");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const a = useAction();
  const finalise = useMutation(trpc.appraisal.appraisals.finalise.mutationOptions({ onSuccess: a.onSuccess(t("finalised")), onError: a.onError }));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{t("finaliseHint")}</p>
      <Button disabled={!hydrated || finalise.isPending} onClick={() => window.confirm(confirmText) && finalise.mutate({ appraisalId })}>
        {t("finalise")}
      </Button>
      {a.error && (
        <p role="alert" className="text-xs text-red-600">
          {a.error}
        </p>
      )}
    </div>
  );
}

/** Back to draft (reopen) or a correction of a finalised entry: both need a reason. */
export function ReasonAction({ appraisalId, mode }: { appraisalId: string; mode: "reopen" | "correct" }) {
  const t = useTranslations("appraisal");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [reason, setReason] = useState("");
  const a = useAction();
  const reopen = useMutation(trpc.appraisal.appraisals.reopen.mutationOptions({ onSuccess: a.onSuccess(t("reopened")), onError: a.onError }));
  const correct = useMutation(
    trpc.appraisal.appraisals.correct.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("correctedCreated"));
        router.push(`/appraisal/${r.id}`);
      },
      onError: a.onError,
    }),
  );
  const busy = !hydrated || reopen.isPending || correct.isPending;
  const id = `${mode}Reason`;
  return (
    <form onSubmit={(e) => e.preventDefault()} className="space-y-2" noValidate>
      {mode === "correct" && <p className="text-sm text-slate-600">{t("correctHint")}</p>}
      <Field label={mode === "reopen" ? t("reopenReason") : t("correctReason")} htmlFor={id} error={a.error}>
        <Input id={id} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!a.error} />
      </Field>
      <Button variant="secondary" disabled={busy} onClick={() => (mode === "reopen" ? reopen.mutate({ appraisalId, reason }) : correct.mutate({ appraisalId, reason }))}>
        {mode === "reopen" ? t("reopen") : t("correct")}
      </Button>
    </form>
  );
}
