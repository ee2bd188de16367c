"use client";

import { useEffect, useMemo } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFieldArray } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { CONFIDENTIALITIES, RECORD_FLAGS, ZCreateArchiveRecord } from "@/server/domain/archive/archive.schema";
import { applicableItems } from "@/server/domain/archive/completeness";
import { RetentionFields } from "./retention-fields";
import { PaperItemRows } from "./paper-item-rows";

type ClassOption = { id: string; code: string; name: string; retentionYears: number | null; isClientFile: boolean };
type ProjectOption = { id: string; name: string; buildings: { id: string; name: string }[] };

const unsetEmpty = { setValueAs: (v: string) => (v === "" ? undefined : v) };

/** 新建档案: class, title, links (project → building → unit → owner), retention, location, paper items. */
export function RecordForm({ classes, projects, today }: { classes: ClassOption[]; projects: ProjectOption[]; today: string }) {
  const t = useTranslations("archive");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZCreateArchiveRecord, {
    classId: "",
    title: "",
    formedOn: today,
    retention: "class",
    confidentiality: "internal",
    projectId: "",
    buildingId: "",
    unitId: "",
    clientId: "",
    parties: "",
    cabinet: "",
    shelf: "",
    box: "",
    conditions: [],
    paperItems: [],
    remarks: "",
  });
  const paper = useFieldArray({ control: form.control, name: "paperItems" });
  const [classId, projectId, buildingId, unitId, clientId, retention, flags] = form.watch(["classId", "projectId", "buildingId", "unitId", "clientId", "retention", "conditions"]);
  const cls = classes.find((c) => c.id === classId);
  const buildings = projects.find((p) => p.id === projectId)?.buildings ?? [];

  const checklist = useQuery({ ...trpc.archive.records.checklist.queryOptions({ classId: classId || "00000000-0000-4000-8000-000000000000" }), enabled: !!classId });
  const units = useQuery({ ...trpc.archive.records.pickUnits.queryOptions({ buildingId: buildingId || "00000000-0000-4000-8000-000000000000" }), enabled: !!buildingId });
  const owners = useQuery({ ...trpc.archive.records.unitOwners.queryOptions({ unitId: unitId || "00000000-0000-4000-8000-000000000000" }), enabled: !!unitId });
  const buyerKind = owners.data?.find((o) => o.id === clientId)?.kind ?? null;
  const hasFlagItems = (checklist.data ?? []).some((i) => i.condition && (RECORD_FLAGS as readonly string[]).includes(i.condition));

  // Pre-fill the paper items from the checklist items that apply to this buyer and these flags,
  // keeping counts the user already typed and items they added that are not on the checklist.
  const flagKey = (flags ?? []).join(",");
  const prefillKey = useMemo(() => `${classId}|${buyerKind}|${flagKey}|${checklist.dataUpdatedAt}`, [classId, buyerKind, flagKey, checklist.dataUpdatedAt]);
  useEffect(() => {
    if (!checklist.data) return;
    const current = form.getValues("paperItems") ?? [];
    const listed = new Set(checklist.data.map((c) => c.name));
    const typed = new Map(current.map((p) => [p.name, p]));
    const wanted = applicableItems(checklist.data, buyerKind, (flags ?? []) as never[]).map((c) => typed.get(c.name) ?? { name: c.name, count: c.requiredCount, remark: "" });
    const extra = current.filter((p) => p.name && !listed.has(p.name));
    paper.replace([...wanted, ...extra]);
    // Keyed on prefillKey only: re-running on every render would undo the user's removals.
  }, [prefillKey]);

  const create = useMutation(
    trpc.archive.records.create.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("created", { archiveNo: r.archiveNo }));
        router.push(`/archive/${r.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const clearBelow = (field: "projectId" | "buildingId" | "unitId") => {
    const order = ["projectId", "buildingId", "unitId", "clientId"] as const;
    for (const f of order.slice(order.indexOf(field) + 1)) form.setValue(f, "");
  };
  const classDefault = cls ? (cls.retentionYears === null ? t("retentionPermanent") : t("retentionYears", { years: cls.retentionYears })) : "—";

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-4" noValidate>
      <Card title={t("basics")}>
        <div className="grid gap-3 sm:grid-cols-4">
          <Field label={t("class")} htmlFor="r-class" error={form.errorOf("classId")} required>
            <Select id="r-class" {...form.register("classId")} aria-invalid={!!form.errorOf("classId")}>
              <option value="">{t("choose")}</option>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("title")} htmlFor="r-title" error={form.errorOf("title")} required className="sm:col-span-3">
            <Input id="r-title" {...form.register("title")} aria-invalid={!!form.errorOf("title")} />
          </Field>
          <Field label={t("formedOn")} htmlFor="r-formed" error={form.errorOf("formedOn")} required>
            <Input id="r-formed" type="date" {...form.register("formedOn")} aria-invalid={!!form.errorOf("formedOn")} />
          </Field>
          <RetentionFields
            idPrefix="r"
            retention={form.register("retention")}
            customYears={form.register("customYears", unsetEmpty)}
            showCustom={retention === "custom"}
            classDefault={classDefault}
            errors={{ retention: form.errorOf("retention"), customYears: form.errorOf("customYears") }}
          />
          <Field label={t("confidentialityLabel")} htmlFor="r-secret" error={form.errorOf("confidentiality")} required>
            <Select id="r-secret" {...form.register("confidentiality")}>
              {CONFIDENTIALITIES.map((c) => (
                <option key={c} value={c}>
                  {t(`confidentiality.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("parties")} htmlFor="r-parties" error={form.errorOf("parties")} className="sm:col-span-2">
            <Input id="r-parties" {...form.register("parties")} />
          </Field>
          <Field label={t("remarks")} htmlFor="r-remarks" error={form.errorOf("remarks")} className="sm:col-span-2">
            <Input id="r-remarks" {...form.register("remarks")} />
          </Field>
        </div>
      </Card>

      <Card title={`${t("project")} / ${t("building")} / ${t("unit")} / ${t("client")}`}>
        <div className="grid gap-3 sm:grid-cols-4">
          <Field label={t("project")} htmlFor="r-project" error={form.errorOf("projectId")}>
            <Select id="r-project" {...form.register("projectId", { onChange: () => clearBelow("projectId") })}>
              <option value="">{t("choose")}</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("building")} htmlFor="r-building" error={form.errorOf("buildingId")}>
            <Select id="r-building" disabled={!projectId} {...form.register("buildingId", { onChange: () => clearBelow("buildingId") })}>
              <option value="">{t("choose")}</option>
              {buildings.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("unit")} htmlFor="r-unit" error={form.errorOf("unitId")}>
            <Select id="r-unit" disabled={!buildingId || !units.data} {...form.register("unitId", { onChange: () => clearBelow("unitId") })}>
              <option value="">{t("choose")}</option>
              {(units.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.number}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("client")} htmlFor="r-client" error={form.errorOf("clientId")} hint={t("clientHint")}>
            <Select id="r-client" disabled={!unitId || !owners.data} {...form.register("clientId")}>
              <option value="">{t("clientNone")}</option>
              {(owners.data ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}（{t(`relation.${o.relation === "co-owner" ? "co-owner" : "buyer"}`)}，{t(`clientKind.${o.kind}`)}）{o.idMasked}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {(cls?.isClientFile || hasFlagItems) && (
          <fieldset className="mt-3">
            <legend className="text-sm font-medium text-slate-700">{t("flagsLabel")}</legend>
            <p className="text-xs text-slate-500">{t("flagsHint")}</p>
            <div className="mt-1 flex flex-wrap gap-2">
              {RECORD_FLAGS.map((f) => (
                <label key={f} htmlFor={`r-flag-${f}`} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                  <input id={`r-flag-${f}`} type="checkbox" value={f} {...form.register("conditions")} className="h-4 w-4 accent-brand-600" />
                  {t(`conditions.${f}`)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </Card>

      <Card title={`${t("location")} / ${t("paperItems")}`}>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t("cabinet")} htmlFor="r-cabinet" error={form.errorOf("cabinet")}>
            <Input id="r-cabinet" placeholder="柜A" {...form.register("cabinet")} />
          </Field>
          <Field label={t("shelf")} htmlFor="r-shelf" error={form.errorOf("shelf")}>
            <Input id="r-shelf" placeholder="3层" {...form.register("shelf")} />
          </Field>
          <Field label={t("box")} htmlFor="r-box" error={form.errorOf("box")}>
            <Input id="r-box" placeholder="12盒" {...form.register("box")} />
          </Field>
        </div>
        <PaperItemRows paper={paper} form={form} field="paperItems" prefix="r" />
      </Card>

      <div className="flex justify-end">
        <SubmitButton pending={create.isPending}>{t("createRecord")}</SubmitButton>
      </div>
    </form>
  );
}
