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
import { ZCategoryCreate, ZServiceSettings, type TServiceSettings } from "@/server/domain/complaints/complaints.schema";

export function ServiceSettingsForm({ values, approvers }: { values: TServiceSettings; approvers: { id: string; name: string; department: string | null }[] }) {
  const t = useTranslations("complaintSettings");
  const tw = useTranslations("clockWarnings");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZServiceSettings, values);
  const save = useMutation(trpc.complaints.settings.update.mutationOptions({ onSuccess: () => refresh(t("saved")), onError: (e) => showServerError(form, e) }));
  const num = { valueAsNumber: true } as const;
  const approverOptions = (
    <>
      <option value="">{t("chooseApprover")}</option>
      {approvers.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
          {a.department ? ` · ${a.department}` : ""}
        </option>
      ))}
    </>
  );
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="grid gap-4 md:grid-cols-3" noValidate>
      <Field label={t("clockMode")} htmlFor="clockMode">
        <Select id="clockMode" {...form.register("clockMode")}>
          <option value="calendar">{t("clockModes.calendar")}</option>
          <option value="working">{t("clockModes.working")}</option>
        </Select>
      </Field>
      <Field label={t("workdayStart")} htmlFor="workdayStart" error={form.errorOf("workdayStart")}>
        <Input id="workdayStart" type="time" {...form.register("workdayStart")} />
      </Field>
      <Field label={t("workdayEnd")} htmlFor="workdayEnd" error={form.errorOf("workdayEnd")}>
        <Input id="workdayEnd" type="time" {...form.register("workdayEnd")} />
      </Field>
      <Field label={t("replyDays")} htmlFor="replyDays" error={form.errorOf("replyDays")}>
        <Input id="replyDays" type="number" {...form.register("replyDays", num)} />
      </Field>
      <Field label={t("progressHours")} htmlFor="progressHours" error={form.errorOf("progressHours")}>
        <Input id="progressHours" type="number" {...form.register("progressHours", num)} />
      </Field>
      <Field label={t("callbackDays")} htmlFor="callbackDays" error={form.errorOf("callbackDays")}>
        <Input id="callbackDays" type="number" {...form.register("callbackDays", num)} />
      </Field>
      <Field label={tw("replyWarnMinutes")} htmlFor="replyWarnMinutes" hint={tw("hint")} error={form.errorOf("replyWarnMinutes")}>
        <Input id="replyWarnMinutes" type="number" min={0} {...form.register("replyWarnMinutes", num)} />
      </Field>
      <Field label={tw("progressWarnMinutes")} htmlFor="progressWarnMinutes" error={form.errorOf("progressWarnMinutes")}>
        <Input id="progressWarnMinutes" type="number" min={0} {...form.register("progressWarnMinutes", num)} />
      </Field>
      <Field label={tw("callbackWarnMinutes")} htmlFor="callbackWarnMinutes" error={form.errorOf("callbackWarnMinutes")}>
        <Input id="callbackWarnMinutes" type="number" min={0} {...form.register("callbackWarnMinutes", num)} />
      </Field>
      <Field label={t("engineeringLimit")} htmlFor="engineeringLimit" error={form.errorOf("engineeringLimit")}>
        <Input id="engineeringLimit" inputMode="decimal" {...form.register("engineeringLimit")} />
      </Field>
      <Field label={t("engineeringApprover")} htmlFor="engineeringApproverId" error={form.errorOf("engineeringApproverId")}>
        <Select id="engineeringApproverId" {...form.register("engineeringApproverId")}>
          {approverOptions}
        </Select>
      </Field>
      <Field label={t("generalApprover")} htmlFor="generalApproverId" error={form.errorOf("generalApproverId")}>
        <Select id="generalApproverId" {...form.register("generalApproverId")}>
          {approverOptions}
        </Select>
      </Field>
      <div className="md:col-span-3">
        <SubmitButton pending={save.isPending}>{useTranslations("common")("save")}</SubmitButton>
      </div>
    </form>
  );
}

export function AddCategoryForm() {
  const t = useTranslations("complaintSettings");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZCategoryCreate, { code: "", name: "", sortOrder: 0 });
  const add = useMutation(
    trpc.complaints.settings.createCategory.mutationOptions({
      onSuccess: () => {
        form.reset();
        refresh(t("categoryAdded"));
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => add.mutate(v))} className="mt-3 flex flex-wrap items-start gap-2" noValidate>
      <Field label={t("code")} htmlFor="catCode" error={form.errorOf("code")}>
        <Input id="catCode" className="w-28" {...form.register("code")} />
      </Field>
      <Field label={t("name")} htmlFor="catName" error={form.errorOf("name")}>
        <Input id="catName" className="w-40" {...form.register("name")} />
      </Field>
      <Field label={t("sortOrder")} htmlFor="catOrder" error={form.errorOf("sortOrder")}>
        <Input id="catOrder" type="number" className="w-20" {...form.register("sortOrder", { valueAsNumber: true })} />
      </Field>
      <div className="pt-6">
        <SubmitButton pending={add.isPending}>{t("addCategory")}</SubmitButton>
      </div>
    </form>
  );
}

export function CategoryToggle({ category }: { category: { id: string; name: string; isActive: boolean; sortOrder: number } }) {
  const t = useTranslations("complaintSettings");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const update = useMutation(trpc.complaints.settings.updateCategory.mutationOptions({ onSuccess: () => refresh(t("categorySaved")) }));
  return (
    <Button size="sm" variant="secondary" disabled={!hydrated || update.isPending} onClick={() => update.mutate({ categoryId: category.id, name: category.name, sortOrder: category.sortOrder, isActive: !category.isActive })}>
      {category.isActive ? t("deactivate") : t("activate")}
    </Button>
  );
}
