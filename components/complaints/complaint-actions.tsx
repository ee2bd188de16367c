"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { SATISFACTIONS, ZComplaintStep } from "@/server/domain/complaints/complaints.schema";
import type { ComplaintAction } from "@/server/domain/complaints/complaint.machine";

type Targets = { people: { id: string; name: string; department: string | null }[]; departments: { id: string; name: string }[] } | null;

const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/**
 * The steps this user may take now, all sharing one note (every step carries one). The version
 * read with the page goes along: a complaint changed meanwhile is refused, not overwritten.
 */
export function ComplaintActions({ complaintId, version, actions, targets }: { complaintId: string; version: number; actions: ComplaintAction[]; targets: Targets }) {
  const t = useTranslations("complaints");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const form = useZodForm(ZComplaintStep, { complaintId, version, note: "" });
  const [assignKind, setAssignKind] = useState<"person" | "dept">("person");
  const [assignee, setAssignee] = useState("");
  const [satisfaction, setSatisfaction] = useState("");
  const onError = (e: Parameters<typeof showServerError>[1]) => showServerError(form, e);
  const done = (key: string) => () => {
    form.reset({ complaintId, version: version + 1, note: "" });
    refresh(t(`done.${key}` as "done.assign"));
  };
  const m = {
    assign: useMutation(trpc.complaints.assign.mutationOptions({ onSuccess: done("assign"), onError })),
    progress: useMutation(trpc.complaints.progress.mutationOptions({ onSuccess: done("progress"), onError })),
    reply: useMutation(trpc.complaints.reply.mutationOptions({ onSuccess: done("reply"), onError })),
    resolve: useMutation(trpc.complaints.resolve.mutationOptions({ onSuccess: done("resolve"), onError })),
    callback: useMutation(trpc.complaints.callback.mutationOptions({ onSuccess: (r) => done(r.status === "in_progress" ? "reopen" : "callback")(), onError })),
    close: useMutation(trpc.complaints.close.mutationOptions({ onSuccess: done("close"), onError })),
    escalate: useMutation(trpc.complaints.escalate.mutationOptions({ onSuccess: done("escalate"), onError })),
  };
  const busy = !hydrated || Object.values(m).some((x) => x.isPending);
  const step = (fn: (v: { complaintId: string; version?: number; note: string }) => void) => form.handleSubmit((v) => fn({ ...v, version }));

  return (
    <form onSubmit={(e) => e.preventDefault()} className="space-y-3" noValidate>
      <Field label={t("note")} htmlFor="stepNote" error={form.errorOf("note")}>
        <textarea id="stepNote" rows={3} className={textarea} placeholder={t("notePlaceholder")} {...form.register("note")} aria-invalid={!!form.errorOf("note")} />
      </Field>
      {actions.includes("assign") && targets && (
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t("assignTo")} htmlFor="assignKind">
            <Select id="assignKind" value={assignKind} onChange={(e) => (setAssignKind(e.target.value as "person" | "dept"), setAssignee(""))} className="w-24">
              <option value="person">{t("assignPerson")}</option>
              <option value="dept">{t("assignDept")}</option>
            </Select>
          </Field>
          <Select aria-label={assignKind === "person" ? t("choosePerson") : t("chooseDept")} value={assignee} onChange={(e) => setAssignee(e.target.value)} className="w-56">
            <option value="">{assignKind === "person" ? t("choosePerson") : t("chooseDept")}</option>
            {assignKind === "person"
              ? targets.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.department ? ` · ${p.department}` : ""}
                  </option>
                ))
              : targets.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
          </Select>
          <Button
            disabled={busy}
            onClick={step((v) => m.assign.mutate({ ...v, assigneeId: assignKind === "person" ? assignee || null : null, assigneeDeptId: assignKind === "dept" ? assignee || null : null }))}
          >
            {t("doAssign")}
          </Button>
        </div>
      )}
      {actions.includes("callback") && (
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t("satisfaction")} htmlFor="satisfaction">
            <Select id="satisfaction" value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)} className="w-36">
              <option value="">—</option>
              {SATISFACTIONS.map((s) => (
                <option key={s} value={s}>
                  {t(`satisfactions.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={busy} onClick={step((v) => m.callback.mutate({ ...v, satisfaction: satisfaction as (typeof SATISFACTIONS)[number] }))}>
            {t("doCallback")}
          </Button>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.includes("progress") && (
          <Button variant="secondary" disabled={busy} onClick={step((v) => m.progress.mutate(v))}>
            {t("doProgress")}
          </Button>
        )}
        {actions.includes("reply") && (
          <Button variant="secondary" disabled={busy} onClick={step((v) => m.reply.mutate(v))}>
            {t("doReply")}
          </Button>
        )}
        {actions.includes("resolve") && (
          <Button disabled={busy} onClick={step((v) => m.resolve.mutate(v))}>
            {t("doResolve")}
          </Button>
        )}
        {actions.includes("close") && (
          <Button disabled={busy} onClick={step((v) => m.close.mutate(v))}>
            {t("doClose")}
          </Button>
        )}
        {actions.includes("escalate") && (
          <Button variant="danger" disabled={busy} onClick={step((v) => m.escalate.mutate(v))}>
            {t("doEscalate")}
          </Button>
        )}
      </div>
    </form>
  );
}
