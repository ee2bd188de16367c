"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ZCalendarDayInput, ZCalendarImport } from "@/server/domain/calendar/calendar.schema";
import { EXCEPTION_KINDS } from "@/server/domain/calendar/working-days";

/** Add a 放假 / 调休上班 day, or change the one entered for that day (admin; audited). */
export function CalendarDayForm({ year }: { year: number }) {
  const t = useTranslations("calendarPage");
  const tk = useTranslations("calendarKinds");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZCalendarDayInput, { day: `${year}-01-01`, kind: "holiday", name: "" });
  const save = useMutation(
    trpc.calendar.setDay.mutationOptions({
      onSuccess: (d) => {
        form.reset({ day: d.day, kind: d.kind, name: "" });
        refresh(t("saved", { day: d.day }));
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="flex flex-wrap items-start gap-3" noValidate>
      <Field label={t("day")} htmlFor="calDay" error={form.errorOf("day")} required>
        <Input id="calDay" type="date" className="w-40" {...form.register("day")} />
      </Field>
      <Field label={t("kind")} htmlFor="calKind" error={form.errorOf("kind")} required>
        <Select id="calKind" className="w-32" {...form.register("kind")}>
          {EXCEPTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("name")} htmlFor="calName" error={form.errorOf("name")} required>
        <Input id="calName" className="w-44" placeholder={t("namePlaceholder")} {...form.register("name")} />
      </Field>
      <div className="pt-6">
        <SubmitButton pending={save.isPending}>{t("add")}</SubmitButton>
      </div>
    </form>
  );
}

export function CalendarImportForm() {
  const t = useTranslations("calendarPage");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZCalendarImport, { text: "", replaceYear: false });
  const run = useMutation(
    trpc.calendar.importDays.mutationOptions({
      onSuccess: (r) => {
        form.reset({ text: "", replaceYear: false });
        refresh(t("imported", { set: r.set, removed: r.removed }));
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => run.mutate(v))} className="space-y-3" noValidate>
      <Field label={t("importTitle")} htmlFor="calImport" hint={t("importHint")} error={form.errorOf("text")} required>
        <textarea
          id="calImport"
          rows={6}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          placeholder={t("importPlaceholder")}
          {...form.register("text")}
        />
      </Field>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" className="mt-1" {...form.register("replaceYear")} />
        {t("replaceYear")}
      </label>
      <SubmitButton pending={run.isPending}>{t("import")}</SubmitButton>
    </form>
  );
}

export function RemoveDayButton({ day }: { day: string }) {
  const t = useTranslations("calendarPage");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const remove = useMutation(trpc.calendar.removeDay.mutationOptions({ onSuccess: () => refresh(t("removed", { day })) }));
  return (
    <Button size="sm" variant="secondary" disabled={!hydrated || remove.isPending} onClick={() => remove.mutate({ day })} aria-label={`${t("remove")} ${day}`}>
      {t("remove")}
    </Button>
  );
}
