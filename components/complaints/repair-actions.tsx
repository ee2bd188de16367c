"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { SATISFACTIONS, ZRepairPlan } from "@/server/domain/complaints/complaints.schema";
import type { ApprovalLevel, RepairAction } from "@/server/domain/complaints/repair.machine";

const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/** The plan form (with its cost), the awaited approval's buttons, completion and callback. */
export function RepairActions({ repairId, version, actions, awaiting, plan, cost }: { repairId: string; version: number; actions: RepairAction[]; awaiting: ApprovalLevel | null; plan: string | null; cost: string | null }) {
  const t = useTranslations("repairs");
  const tc = useTranslations("complaints");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const planForm = useZodForm(ZRepairPlan, { repairId, version, plan: plan ?? "", cost: cost ?? "" });
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const [satisfaction, setSatisfaction] = useState("");
  const onError = (e: { message: string; data?: { fieldErrors?: Record<string, string> | null } | null }) => {
    setNoteError(e.data?.fieldErrors?.note);
    showServerError(planForm, e);
  };
  const ok = (message: string) => () => {
    setNote("");
    setNoteError(undefined);
    refresh(message);
  };
  const submitPlan = useMutation(trpc.complaints.repairs.submitPlan.mutationOptions({ onSuccess: ok(t("planSubmitted")), onError }));
  const approve = useMutation(trpc.complaints.repairs.approve.mutationOptions({ onSuccess: ok(t("approved")), onError }));
  const reject = useMutation(trpc.complaints.repairs.reject.mutationOptions({ onSuccess: ok(t("rejected")), onError }));
  const complete = useMutation(trpc.complaints.repairs.complete.mutationOptions({ onSuccess: ok(t("completed")), onError }));
  const callback = useMutation(trpc.complaints.repairs.callback.mutationOptions({ onSuccess: ok(t("calledBack")), onError }));
  const busy = !hydrated || [submitPlan, approve, reject, complete, callback].some((m) => m.isPending);
  const level = awaiting ?? "engineering";

  if (actions.includes("submitPlan")) {
    return (
      <form onSubmit={planForm.handleSubmit((v) => submitPlan.mutate({ ...v, version }))} className="space-y-3" noValidate>
        <Field label={t("plan")} htmlFor="plan" error={planForm.errorOf("plan")} required>
          <textarea id="plan" rows={3} className={textarea} {...planForm.register("plan")} aria-invalid={!!planForm.errorOf("plan")} />
        </Field>
        <Field label={t("cost")} htmlFor="cost" error={planForm.errorOf("cost")} required>
          <Input id="cost" inputMode="decimal" className="w-40 text-right tabular-nums" {...planForm.register("cost")} aria-invalid={!!planForm.errorOf("cost")} />
        </Field>
        <Button type="submit" disabled={busy}>
          {t("submitPlan")}
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={(e) => e.preventDefault()} className="space-y-3" noValidate>
      <Field label={tc("note")} htmlFor="repairNote" error={noteError}>
        <textarea id="repairNote" rows={2} className={textarea} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!noteError} />
      </Field>
      {actions.includes("callback") && (
        <Field label={tc("satisfaction")} htmlFor="repairSatisfaction">
          <Select id="repairSatisfaction" value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)} className="w-36">
            <option value="">—</option>
            {SATISFACTIONS.map((s) => (
              <option key={s} value={s}>
                {tc(`satisfactions.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.includes("approve") && (
          <Button disabled={busy} onClick={() => approve.mutate({ repairId, version, level, note: note || undefined })}>
            {t("approve", { level: t(`levels.${level}`) })}
          </Button>
        )}
        {actions.includes("reject") && (
          <Button variant="danger" disabled={busy} onClick={() => reject.mutate({ repairId, version, level, note })}>
            {t("reject", { level: t(`levels.${level}`) })}
          </Button>
        )}
        {actions.includes("complete") && (
          <Button disabled={busy} onClick={() => complete.mutate({ repairId, version, note })}>
            {t("complete")}
          </Button>
        )}
        {actions.includes("callback") && (
          <Button disabled={busy} onClick={() => callback.mutate({ repairId, version, note, satisfaction: satisfaction as (typeof SATISFACTIONS)[number] })}>
            {t("callback")}
          </Button>
        )}
      </div>
    </form>
  );
}
