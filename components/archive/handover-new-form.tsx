"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFieldArray, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Plus, Trash2 } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { ZCreateBatch } from "@/server/domain/archive/handover.schema";
import { HandoverImportPanel } from "./handover-import-panel";

type Options = {
  projects: { id: string; code: string; name: string }[];
  classes: { id: string; code: string; name: string; documents: string[] }[];
};

const emptyLine = { unitId: "", clientName: "", documentName: "", expectedCount: 1 };

/** The 移交清单: a header (from whom, which project, which class) and its lines, typed or imported. */
export function HandoverNewForm({ projects, classes }: Options) {
  const t = useTranslations("handover");
  const trpc = useTRPC();
  const router = useRouter();
  const [tab, setTab] = useState<"manual" | "import">("manual");
  const defaultClass = classes.find((c) => c.code === "KH") ?? classes[0];
  const form = useZodForm(ZCreateBatch, {
    fromDept: t("fromDeptDefault"),
    projectId: projects.length === 1 ? projects[0]!.id : "",
    classId: defaultClass?.id ?? "",
    note: "",
    lines: [emptyLine],
  });
  const lines = useFieldArray({ control: form.control, name: "lines" });
  const projectId = useWatch({ control: form.control, name: "projectId" });
  const classId = useWatch({ control: form.control, name: "classId" });
  const documents = classes.find((c) => c.id === classId)?.documents ?? [];
  const units = useQuery(trpc.archive.handover.projectUnits.queryOptions({ projectId }, { enabled: !!projectId }));
  const opened = (r: { batchId?: string; id?: string; batchNo: string; lines: number }) => {
    toast.success(t("created", { batchNo: r.batchNo, lines: r.lines }));
    router.push(`/archive/handover/${r.batchId ?? r.id}`);
  };
  const create = useMutation(trpc.archive.handover.create.mutationOptions({ onSuccess: opened, onError: (e) => showServerError(form, e) }));

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="space-y-4">
      <Card>
        <div className="grid gap-3 sm:grid-cols-4">
          <Field label={t("fromDept")} htmlFor="h-from" error={form.errorOf("fromDept")} required>
            <Input id="h-from" {...form.register("fromDept")} aria-invalid={!!form.errorOf("fromDept")} />
          </Field>
          <Field label={t("project")} htmlFor="h-project" error={form.errorOf("projectId")} required>
            <Select
              id="h-project"
              {...form.register("projectId", { onChange: () => lines.replace([emptyLine]) })}
              aria-invalid={!!form.errorOf("projectId")}
            >
              <option value="">{t("chooseProject")}</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.code}）
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("class")} htmlFor="h-class" error={form.errorOf("classId")} required>
            <Select id="h-class" {...form.register("classId")} aria-invalid={!!form.errorOf("classId")}>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}（{c.code}）
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("note")} htmlFor="h-note" error={form.errorOf("note")}>
            <Input id="h-note" {...form.register("note")} aria-invalid={!!form.errorOf("note")} />
          </Field>
        </div>
      </Card>

      <div role="tablist" aria-label={t("lines")} className="flex gap-1 border-b border-slate-200">
        {(["manual", "import"] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            className={cn("-mb-px border-b-2 px-4 py-2 text-sm font-medium", tab === k ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800")}
          >
            {k === "manual" ? t("tabManual") : t("tabImport")}
          </button>
        ))}
      </div>

      {tab === "import" ? (
        <HandoverImportPanel header={() => form.trigger(["fromDept", "projectId", "classId", "note"]).then((ok) => (ok ? form.getValues() : null))} onCreated={opened} />
      ) : (
        <Card title={t("lines")}>
          {!projectId ? (
            <p className="text-sm text-slate-500">{t("chooseProjectFirst")}</p>
          ) : (
            <div className="space-y-2">
              <datalist id="h-documents">
                {documents.map((d) => (
                  <option key={d} value={d} />
                ))}
              </datalist>
              <div className="hidden grid-cols-[2.5rem_7rem_7rem_1fr_1.4fr_5rem_2.5rem] gap-2 text-xs font-semibold text-slate-600 sm:grid">
                <span>{t("lineNo")}</span>
                <span>{t("building")}</span>
                <span>{t("unit")}</span>
                <span>{t("clientName")}</span>
                <span>{t("documentName")}</span>
                <span>{t("expectedCount")}</span>
                <span />
              </div>
              {lines.fields.map((f, i) => (
                <LineRow key={f.id} index={i} form={form} buildings={units.data ?? []} onRemove={lines.fields.length > 1 ? () => lines.remove(i) : undefined} />
              ))}
              <div className="flex items-center justify-between pt-2">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    const last = form.getValues(`lines.${lines.fields.length - 1}`);
                    // The next line usually belongs to the same client file: keep unit and client.
                    // …so the cursor goes straight to the document name.
                    lines.append({ ...emptyLine, unitId: last?.unitId ?? "", clientName: last?.clientName ?? "" }, { focusName: `lines.${lines.fields.length}.documentName` });
                  }}
                >
                  <Plus className="h-4 w-4" aria-hidden />
                  {t("addLine")}
                </Button>
                <SubmitButton pending={create.isPending}>{t("createSubmit")}</SubmitButton>
              </div>
              {form.errorOf("lines") && (
                <p role="alert" className="text-xs text-red-600">
                  {form.errorOf("lines")}
                </p>
              )}
            </div>
          )}
        </Card>
      )}
    </form>
  );
}

type Building = { id: string; code: string; name: string; units: { id: string; number: string; owners: string[] }[] };

function LineRow({ index, form, buildings, onRemove }: { index: number; form: ReturnType<typeof useZodForm<typeof ZCreateBatch>>; buildings: Building[]; onRemove?: () => void }) {
  const t = useTranslations("handover");
  const unitId = useWatch({ control: form.control, name: `lines.${index}.unitId` });
  const [buildingId, setBuildingId] = useState(() => buildings.find((b) => b.units.some((u) => u.id === unitId))?.id ?? "");
  const building = buildings.find((b) => b.id === buildingId) ?? buildings.find((b) => b.units.some((u) => u.id === unitId));
  const owners = building?.units.find((u) => u.id === unitId)?.owners ?? [];
  const err = (k: "unitId" | "clientName" | "documentName" | "expectedCount") => form.errorOf(`lines.${index}.${k}`);
  const id = (k: string) => `l${index}-${k}`;
  return (
    <div className="grid grid-cols-2 items-start gap-2 rounded-md sm:grid-cols-[2.5rem_7rem_7rem_1fr_1.4fr_5rem_2.5rem]">
      <span className="pt-2 text-xs tabular-nums text-slate-500">{index + 1}</span>
      <Select
        id={id("building")}
        aria-label={`${t("building")} ${index + 1}`}
        value={building?.id ?? ""}
        onChange={(e) => {
          setBuildingId(e.target.value);
          form.setValue(`lines.${index}.unitId`, "");
        }}
      >
        <option value="">{t("chooseBuilding")}</option>
        {buildings.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </Select>
      <div>
        <Select
          id={id("unit")}
          aria-label={`${t("unit")} ${index + 1}`}
          aria-invalid={!!err("unitId")}
          {...form.register(`lines.${index}.unitId`, {
            onChange: (e: { target: { value: string } }) => {
              // Fill in the owner on file when the name is still empty (the list has names only).
              const owner = building?.units.find((u) => u.id === e.target.value)?.owners[0];
              if (owner && !form.getValues(`lines.${index}.clientName`)) form.setValue(`lines.${index}.clientName`, owner);
            },
          })}
        >
          <option value="">{t("chooseUnit")}</option>
          {(building?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.number}
            </option>
          ))}
        </Select>
        {err("unitId") && <p className="text-xs text-red-600">{err("unitId")}</p>}
      </div>
      <div>
        <Input id={id("client")} aria-label={`${t("clientName")} ${index + 1}`} list={id("owners")} aria-invalid={!!err("clientName")} {...form.register(`lines.${index}.clientName`)} />
        <datalist id={id("owners")}>
          {owners.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        {err("clientName") && <p className="text-xs text-red-600">{err("clientName")}</p>}
      </div>
      <div>
        <Input
          id={id("document")}
          aria-label={`${t("documentName")} ${index + 1}`}
          list="h-documents"
          title={t("documentHint")}
          aria-invalid={!!err("documentName")}
          {...form.register(`lines.${index}.documentName`)}
        />
        {err("documentName") && <p className="text-xs text-red-600">{err("documentName")}</p>}
      </div>
      <div>
        <Input id={id("count")} aria-label={`${t("expectedCount")} ${index + 1}`} inputMode="numeric" aria-invalid={!!err("expectedCount")} {...form.register(`lines.${index}.expectedCount`)} />
        {err("expectedCount") && <p className="text-xs text-red-600">{err("expectedCount")}</p>}
      </div>
      {onRemove ? (
        <Button variant="ghost" size="sm" className="mt-1" onClick={onRemove} aria-label={t("removeLine", { n: index + 1 })}>
          <Trash2 className="h-4 w-4" aria-hidden />
        </Button>
      ) : (
        <span />
      )}
    </div>
  );
}
