"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZCreateUnit, ZGenerateUnits } from "@/server/domain/org/org.schema";
import { useRefreshWith } from "./use-admin-mutation";

export function CreateUnitForm({ buildingId }: { buildingId: string }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const form = useZodForm(ZCreateUnit, { buildingId, number: "", areaSqm: "" });
  const refresh = useRefreshWith();
  const done = () => refresh(tc("saved"));
  const create = useMutation(
    trpc.admin.createUnit.mutationOptions({
      onSuccess: () => {
        form.reset({ buildingId, number: "", areaSqm: "" });
        done();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid gap-3 sm:grid-cols-4" noValidate>
      <Field label={t("unitNumber")} htmlFor="u-number" error={form.errorOf("number")} required>
        <Input id="u-number" {...form.register("number")} aria-invalid={!!form.errorOf("number")} />
      </Field>
      <Field label={t("floor")} htmlFor="u-floor" error={form.errorOf("floor")}>
        <Input id="u-floor" inputMode="numeric" {...form.register("floor", { setValueAs: (v: string) => (v === "" ? undefined : v) })} aria-invalid={!!form.errorOf("floor")} />
      </Field>
      <Field label={t("area")} htmlFor="u-area" error={form.errorOf("areaSqm")}>
        <Input id="u-area" inputMode="decimal" {...form.register("areaSqm")} aria-invalid={!!form.errorOf("areaSqm")} />
      </Field>
      <div className="flex items-end">
        <SubmitButton pending={create.isPending} variant="secondary" className="w-full">
          {t("newUnit")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function GenerateUnitsForm({ buildingId }: { buildingId: string }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const form = useZodForm(ZGenerateUnits, { buildingId, fromFloor: 1, toFloor: 18, unitsPerFloor: 4 });
  const refresh = useRefreshWith();
  const generate = useMutation(
    trpc.admin.generateUnits.mutationOptions({ onSuccess: (r) => refresh(t("generated", r)), onError: (e) => showServerError(form, e) }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => generate.mutate(v))} className="grid gap-3 sm:grid-cols-4" noValidate>
      <Field label={t("fromFloor")} htmlFor="g-from" error={form.errorOf("fromFloor")} required>
        <Input id="g-from" inputMode="numeric" {...form.register("fromFloor")} aria-invalid={!!form.errorOf("fromFloor")} />
      </Field>
      <Field label={t("toFloor")} htmlFor="g-to" error={form.errorOf("toFloor")} required>
        <Input id="g-to" inputMode="numeric" {...form.register("toFloor")} aria-invalid={!!form.errorOf("toFloor")} />
      </Field>
      <Field label={t("unitsPerFloor")} htmlFor="g-per" error={form.errorOf("unitsPerFloor")} required>
        <Input id="g-per" inputMode="numeric" {...form.register("unitsPerFloor")} aria-invalid={!!form.errorOf("unitsPerFloor")} />
      </Field>
      <div className="flex items-end">
        <SubmitButton pending={generate.isPending} className="w-full">
          {t("generateUnits")}
        </SubmitButton>
      </div>
    </form>
  );
}
