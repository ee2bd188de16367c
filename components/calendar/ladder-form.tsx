"use client";

import { useFieldArray } from "react-hook-form";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { ZLadderUpdate } from "@/server/domain/calendar/calendar.schema";
import { LADDER_TARGETS, type LadderKey, type LadderLevel } from "@/server/domain/calendar/ladder";

/** One ladder's levels: delay after the anchor (hours) and whom each level notifies (admin; audited). */
export function LadderForm({ ladderKey, levels }: { ladderKey: LadderKey; levels: readonly LadderLevel[] }) {
  const t = useTranslations("escalationPage");
  const tt = useTranslations("ladderTargets");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZLadderUpdate, { key: ladderKey, levels: levels.map((l) => ({ ...l, to: [...l.to] })) });
  const rows = useFieldArray({ control: form.control, name: "levels" });
  const save = useMutation(trpc.calendar.updateLadder.mutationOptions({ onSuccess: () => refresh(t("saved")), onError: (e) => showServerError(form, e) }));
  const submit = form.handleSubmit((v) => save.mutate({ ...v, levels: v.levels.map((l, i) => ({ ...l, level: i + 1 })) }));
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="w-16 py-1 font-medium">{t("level")}</th>
            <th className="w-36 py-1 font-medium">{t("afterHours")}</th>
            <th className="py-1 font-medium">{t("to")}</th>
            <th className="w-24" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.fields.map((f, i) => (
            <tr key={f.id} className="align-top">
              <td className="py-2 tabular-nums">{i + 1}</td>
              <td className="py-2 pr-3">
                <input type="hidden" {...form.register(`levels.${i}.level`, { valueAsNumber: true })} value={i + 1} />
                <Input type="number" min={0} aria-label={`${t("level")} ${i + 1} ${t("afterHours")}`} {...form.register(`levels.${i}.afterHours`, { valueAsNumber: true })} />
                {form.errorOf(`levels.${i}.afterHours`) && <p className="text-xs text-red-600">{form.errorOf(`levels.${i}.afterHours`)}</p>}
              </td>
              <td className="py-2">
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {LADDER_TARGETS.map((target) => (
                    <label key={target} className="flex items-center gap-1.5">
                      <input type="checkbox" value={target} {...form.register(`levels.${i}.to`)} />
                      {tt(target)}
                    </label>
                  ))}
                </div>
                {form.errorOf(`levels.${i}.to`) && <p className="text-xs text-red-600">{form.errorOf(`levels.${i}.to`)}</p>}
              </td>
              <td className="py-2 text-right">
                {rows.fields.length > 1 && (
                  <Button type="button" size="sm" variant="secondary" onClick={() => rows.remove(i)}>
                    {t("removeLevel")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-2">
        {rows.fields.length < 9 && (
          <Button type="button" variant="secondary" onClick={() => rows.append({ level: rows.fields.length + 1, afterHours: 0, to: ["subject"] })}>
            {t("addLevel")}
          </Button>
        )}
        <SubmitButton pending={save.isPending}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
