"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { CONDITIONS, ZCreateChecklistItem, ZUpdateChecklistItem } from "@/server/domain/archive/archive.schema";

type Condition = (typeof CONDITIONS)[number];

function ConditionOptions() {
  const t = useTranslations("archive");
  return (
    <>
      <option value="">{t("conditionAll")}</option>
      {CONDITIONS.map((c) => (
        <option key={c} value={c}>
          {t(`conditions.${c}`)}
        </option>
      ))}
    </>
  );
}

export function AddChecklistItemForm({ classId, nextOrder }: { classId: string; nextOrder: number }) {
  const t = useTranslations("archive");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const empty = { classId, name: "", requiredCount: 1, condition: "" as const, sortOrder: nextOrder };
  const form = useZodForm(ZCreateChecklistItem, empty);
  const refresh = useRefreshWith();
  const create = useMutation(
    trpc.archive.records.createChecklistItem.mutationOptions({
      onSuccess: () => {
        form.reset({ ...empty, sortOrder: nextOrder + 1 });
        refresh(tc("saved"));
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-3 sm:grid-cols-5" noValidate>
      <Field label={t("itemName")} htmlFor="i-name" error={form.errorOf("name")} required className="sm:col-span-2">
        <Input id="i-name" {...form.register("name")} aria-invalid={!!form.errorOf("name")} />
      </Field>
      <Field label={t("requiredCount")} htmlFor="i-count" error={form.errorOf("requiredCount")} required>
        <Input id="i-count" inputMode="numeric" {...form.register("requiredCount")} aria-invalid={!!form.errorOf("requiredCount")} />
      </Field>
      <Field label={t("condition")} htmlFor="i-cond" error={form.errorOf("condition")}>
        <Select id="i-cond" {...form.register("condition")}>
          <ConditionOptions />
        </Select>
      </Field>
      <div className="flex items-end">
        <SubmitButton pending={create.isPending} className="w-full">
          {t("addItem")}
        </SubmitButton>
      </div>
    </form>
  );
}

type Item = { id: string; name: string; requiredCount: number; condition: Condition | null; sortOrder: number; isActive: boolean };

/** One checklist row, editable in place; 停用 keeps it for the files already checked against it. */
export function ChecklistItemRow({ item }: { item: Item }) {
  const t = useTranslations("archive");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const values = { itemId: item.id, name: item.name, requiredCount: item.requiredCount, condition: item.condition ?? ("" as const), sortOrder: item.sortOrder, isActive: item.isActive };
  const form = useZodForm(ZUpdateChecklistItem, values);
  const refresh = useRefreshWith();
  const update = useMutation(trpc.archive.records.updateChecklistItem.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => showServerError(form, e) }));
  const toggle = useMutation(trpc.archive.records.updateChecklistItem.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => toast.error(e.message) }));
  const id = `item-${item.id}`;
  return (
    <form
      onSubmit={form.handleSubmit((v) => update.mutate(v))}
      className={`grid items-start gap-2 py-2 sm:grid-cols-[4rem_1fr_6rem_9rem_auto] ${item.isActive ? "" : "opacity-60"}`}
      noValidate
      aria-label={item.name}
    >
      <Input id={`${id}-order`} aria-label={t("sortOrder")} inputMode="numeric" {...form.register("sortOrder")} />
      <div>
        <Input id={`${id}-name`} aria-label={t("itemName")} {...form.register("name")} aria-invalid={!!form.errorOf("name")} />
        {form.errorOf("name") && <p className="text-xs text-red-600">{form.errorOf("name")}</p>}
      </div>
      <div>
        <Input id={`${id}-count`} aria-label={t("requiredCount")} inputMode="numeric" {...form.register("requiredCount")} aria-invalid={!!form.errorOf("requiredCount")} />
        {form.errorOf("requiredCount") && <p className="text-xs text-red-600">{form.errorOf("requiredCount")}</p>}
      </div>
      <Select id={`${id}-cond`} aria-label={t("condition")} {...form.register("condition")}>
        <ConditionOptions />
      </Select>
      <div className="flex gap-2">
        <SubmitButton pending={update.isPending} variant="secondary">
          {tc("save")}
        </SubmitButton>
        <Button
          variant={item.isActive ? "danger" : "secondary"}
          disabled={!hydrated || toggle.isPending}
          onClick={() => toggle.mutate({ ...values, isActive: !item.isActive })}
        >
          {item.isActive ? t("deactivate") : t("activate")}
        </Button>
      </div>
    </form>
  );
}
