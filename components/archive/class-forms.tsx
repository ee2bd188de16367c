"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { ZCreateArchiveClass, ZUpdateArchiveClass, retentionChoiceOf } from "@/server/domain/archive/archive.schema";
import { RetentionFields } from "./retention-fields";

const unsetEmpty = { setValueAs: (v: string) => (v === "" ? undefined : v) };

export function CreateClassForm() {
  const t = useTranslations("archive");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const empty = { code: "", name: "", description: "", retention: "permanent" as const, isClientFile: false, sortOrder: 0 };
  const form = useZodForm(ZCreateArchiveClass, empty);
  const refresh = useRefreshWith();
  const create = useMutation(
    trpc.archive.records.createClass.mutationOptions({
      onSuccess: () => {
        form.reset(empty);
        refresh(tc("saved"));
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const retention = form.watch("retention");
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-3 sm:grid-cols-6" noValidate>
      <Field label={t("classCode")} htmlFor="c-code" error={form.errorOf("code")} required>
        <Input id="c-code" {...form.register("code")} aria-invalid={!!form.errorOf("code")} className="uppercase" />
      </Field>
      <Field label={t("className")} htmlFor="c-name" error={form.errorOf("name")} required className="sm:col-span-2">
        <Input id="c-name" {...form.register("name")} aria-invalid={!!form.errorOf("name")} />
      </Field>
      <RetentionFields
        idPrefix="c"
        retention={form.register("retention")}
        customYears={form.register("customYears", unsetEmpty)}
        showCustom={retention === "custom"}
        errors={{ retention: form.errorOf("retention"), customYears: form.errorOf("customYears") }}
      />
      <Field label={t("sortOrder")} htmlFor="c-order" error={form.errorOf("sortOrder")}>
        <Input id="c-order" inputMode="numeric" {...form.register("sortOrder")} />
      </Field>
      <label htmlFor="c-client" className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-4">
        <input id="c-client" type="checkbox" {...form.register("isClientFile")} className="h-4 w-4 accent-brand-600" />
        {t("isClientFile")}
      </label>
      <div className="flex items-end sm:col-span-2">
        <SubmitButton pending={create.isPending} className="w-full">
          {t("newClass")}
        </SubmitButton>
      </div>
    </form>
  );
}

type ClassValues = { id: string; name: string; description: string | null; retentionYears: number | null; isClientFile: boolean; sortOrder: number; isActive: boolean };

function valuesOf(c: ClassValues) {
  return {
    classId: c.id,
    name: c.name,
    description: c.description ?? "",
    ...retentionChoiceOf(c.retentionYears),
    isClientFile: c.isClientFile,
    sortOrder: c.sortOrder,
    isActive: c.isActive,
  };
}

/** The code is not editable: it is part of every 档号 already issued. */
export function EditClassForm({ cls }: { cls: ClassValues }) {
  const t = useTranslations("archive");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const form = useZodForm(ZUpdateArchiveClass, valuesOf(cls));
  const refresh = useRefreshWith();
  const update = useMutation(trpc.archive.records.updateClass.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => showServerError(form, e) }));
  const retention = form.watch("retention");
  return (
    <form onSubmit={form.handleSubmit((v) => update.mutate(v))} className="grid gap-3 sm:grid-cols-2" noValidate>
      <Field label={t("className")} htmlFor="e-name" error={form.errorOf("name")} required>
        <Input id="e-name" {...form.register("name")} aria-invalid={!!form.errorOf("name")} />
      </Field>
      <Field label={t("sortOrder")} htmlFor="e-order" error={form.errorOf("sortOrder")}>
        <Input id="e-order" inputMode="numeric" {...form.register("sortOrder")} />
      </Field>
      <RetentionFields
        idPrefix="e"
        retention={form.register("retention")}
        customYears={form.register("customYears", unsetEmpty)}
        showCustom={retention === "custom"}
        errors={{ retention: form.errorOf("retention"), customYears: form.errorOf("customYears") }}
      />
      <Field label={t("description")} htmlFor="e-desc" error={form.errorOf("description")} className="sm:col-span-2">
        <Input id="e-desc" {...form.register("description")} />
      </Field>
      <label htmlFor="e-client" className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
        <input id="e-client" type="checkbox" {...form.register("isClientFile")} className="h-4 w-4 accent-brand-600" />
        {t("isClientFile")}
      </label>
      <div className="sm:col-span-2">
        <SubmitButton pending={update.isPending}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}

/** 停用 / 启用: a class is never deleted, its records keep pointing at it. */
export function ClassActiveToggle({ cls }: { cls: ClassValues }) {
  const t = useTranslations("archive");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const update = useMutation(trpc.archive.records.updateClass.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError: (e) => toast.error(e.message) }));
  return (
    <Button
      variant={cls.isActive ? "danger" : "secondary"}
      size="sm"
      disabled={!hydrated || update.isPending}
      onClick={() => update.mutate({ ...valuesOf(cls), isActive: !cls.isActive })}
    >
      {cls.isActive ? t("deactivate") : t("activate")}
    </Button>
  );
}
