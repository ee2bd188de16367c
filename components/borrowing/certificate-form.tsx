"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Search } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { Tag } from "@/components/ui/tag";
import { cn } from "@/components/ui/cn";
import { ZCreateHandout } from "@/server/domain/borrowing/certificate.schema";

type Project = { id: string; name: string; buildings: { id: string; name: string }[] };

// Where a refusal of the identity check belongs on the form.
const FIELD_OF_CODE: Record<string, "ownerIdNumber" | "agentIdNumber" | "certificateNo" | "recipientKind" | "ownerClientId"> = {
  CERT_ID_MISMATCH: "ownerIdNumber",
  CERT_OWNER_NO_ID: "ownerClientId",
  CERT_NOT_BUYER: "ownerClientId",
  CERT_AGENT_IS_OWNER: "agentIdNumber",
  CERT_ALREADY_HANDED: "certificateNo",
  CERT_COMPANY_NEEDS_AGENT: "recipientKind",
};

/** 产权证领取登记: find the unit, pick the buyer, check the ID shown, record who took it. */
export function CertificateForm({ projects }: { projects: Project[] }) {
  const t = useTranslations("certificates");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZCreateHandout, {
    unitId: "",
    certificateNo: "",
    ownerClientId: "",
    ownerIdNumber: "",
    recipientKind: "owner",
    agentName: "",
    agentIdNumber: "",
    powerOfAttorney: "",
    recipientPhone: "",
    confirmed: false,
    remarks: "",
  });
  const [term, setTerm] = useState("");
  const [projectId, setProjectId] = useState(projects.length === 1 ? projects[0]!.id : "");
  const [buildingId, setBuildingId] = useState("");
  const unitId = useWatch({ control: form.control, name: "unitId" });
  const ownerClientId = useWatch({ control: form.control, name: "ownerClientId" });
  const kind = useWatch({ control: form.control, name: "recipientKind" });

  const found = useQuery(trpc.borrowing.certificates.searchUnits.queryOptions({ q: term.trim() }, { enabled: term.trim().length > 0 }));
  const units = useQuery(trpc.borrowing.certificates.units.queryOptions({ buildingId }, { enabled: !!buildingId }));
  const unit = useQuery(trpc.borrowing.certificates.buyers.queryOptions({ unitId }, { enabled: !!unitId }));
  const buildings = projects.find((p) => p.id === projectId)?.buildings ?? [];

  const chooseUnit = (id: string) => {
    form.setValue("unitId", id, { shouldValidate: true });
    form.setValue("ownerClientId", "");
  };
  const create = useMutation(
    trpc.borrowing.certificates.handOut.mutationOptions({
      onSuccess: (h) => {
        toast.success(t("created", { handoutNo: h.handoutNo }));
        router.push(`/borrowing/certificates/${h.id}`);
      },
      onError: (e) => {
        const field = FIELD_OF_CODE[e.data?.domainCode ?? ""];
        if (field) form.setError(field, { type: "server", message: e.message }, { shouldFocus: true });
        showServerError(form, e);
      },
    }),
  );

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="space-y-4">
      <Card title={t("unit")}>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="space-y-2">
            <Field label={t("findUnit")} htmlFor="c-find">
              <div className="relative">
                <Search className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" aria-hidden />
                <Input id="c-find" value={term} onChange={(e) => setTerm(e.target.value)} placeholder={t("findUnitPlaceholder")} className="pl-8" autoComplete="off" />
              </div>
            </Field>
            {term.trim() && found.data && (
              <ul className="max-h-48 overflow-y-auto rounded-md ring-1 ring-slate-200" aria-label={t("findUnit")}>
                {found.data.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{t("findUnitNone")}</li>}
                {found.data.map((u) => (
                  <li key={u.id}>
                    <button
                      type="button"
                      onClick={() => {
                        setProjectId(u.projectId);
                        setBuildingId(u.buildingId);
                        chooseUnit(u.id);
                      }}
                      className={cn("flex w-full items-baseline justify-between gap-3 px-3 py-1.5 text-left text-sm hover:bg-brand-50", u.id === unitId && "bg-brand-50 font-medium")}
                    >
                      <span>{u.label}</span>
                      <span className="truncate text-xs text-slate-500">{u.owners.join("、")}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <p className="mb-1 text-sm font-medium text-slate-700">{t("orPick")}</p>
            <div className="grid grid-cols-3 gap-2">
              <Select
                aria-label={t("project")}
                value={projectId}
                onChange={(e) => {
                  setProjectId(e.target.value);
                  setBuildingId("");
                  chooseUnit("");
                }}
              >
                <option value="">{t("chooseProject")}</option>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
              <Select
                aria-label={t("building")}
                value={buildingId}
                disabled={!projectId}
                onChange={(e) => {
                  setBuildingId(e.target.value);
                  chooseUnit("");
                }}
              >
                <option value="">{t("chooseBuilding")}</option>
                {buildings.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </Select>
              <Select aria-label={t("unit")} value={unitId} disabled={!buildingId} onChange={(e) => chooseUnit(e.target.value)} aria-invalid={!!form.errorOf("unitId")}>
                <option value="">{t("chooseUnit")}</option>
                {(units.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.number}
                    {u.owners.length ? ` · ${u.owners.join("、")}` : ""}
                  </option>
                ))}
              </Select>
            </div>
            {form.errorOf("unitId") && (
              <p role="alert" className="mt-1 text-xs text-red-600">
                {form.errorOf("unitId")}
              </p>
            )}
          </div>
        </div>
      </Card>

      {unit.data && (
        <Card title={`${t("buyers")} · ${unit.data.label}`}>
          {unit.data.handouts.map((h) => (
            <p key={h.id} role="status" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
              {t("alreadyHanded", { certificateNo: h.certificateNo, handoutNo: h.handoutNo, recipient: h.recipientName, at: new Date(h.handedAt).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }) })}
            </p>
          ))}
          {unit.data.buyers.length === 0 ? (
            <p className="text-sm text-red-700">{t("noBuyers")}</p>
          ) : (
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-slate-700">
                {t("owner")}
                <span aria-hidden className="ml-0.5 text-red-600">
                  *
                </span>
              </legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {unit.data.buyers.map((b) => (
                  <label
                    key={b.id}
                    className={cn("flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 ring-1 ring-slate-200 hover:bg-slate-50", ownerClientId === b.id && "bg-brand-50 ring-brand-300")}
                  >
                    <input type="radio" value={b.id} {...form.register("ownerClientId")} className="h-4 w-4 accent-brand-600" />
                    <span className="min-w-0 flex-1">
                      <span className="flex items-center gap-1.5 text-sm font-medium text-slate-900">
                        {b.name}
                        <Tag tone={b.relation === "co-owner" ? "violet" : "grey"}>{b.relation === "co-owner" ? t("relationCoOwner") : t("relationBuyer")}</Tag>
                        {b.kind === "company" && <Tag tone="amber">{t("company")}</Tag>}
                      </span>
                      <span className="block font-mono text-xs text-slate-500" data-testid="buyer-id-masked">
                        {b.hasIdNumber ? b.idMasked : t("noIdOnFile")}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              {form.errorOf("ownerClientId") && (
                <p role="alert" className="mt-1 text-xs text-red-600">
                  {form.errorOf("ownerClientId")}
                </p>
              )}
            </fieldset>
          )}
        </Card>
      )}

      <Card title={t("newTitle")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("certificateNo")} htmlFor="c-certificateNo" error={form.errorOf("certificateNo")} hint={t("certificateNoHint")} required>
            <Input id="c-certificateNo" {...form.register("certificateNo")} aria-invalid={!!form.errorOf("certificateNo")} autoComplete="off" />
          </Field>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-700">{t("recipientKind")}</legend>
            <div className="flex h-9 items-center gap-4 text-sm">
              <label className="flex items-center gap-1.5">
                <input type="radio" value="owner" {...form.register("recipientKind")} className="h-4 w-4 accent-brand-600" />
                {t("kindOwner")}
              </label>
              <label className="flex items-center gap-1.5">
                <input type="radio" value="agent" {...form.register("recipientKind")} className="h-4 w-4 accent-brand-600" />
                {t("kindAgent")}
              </label>
            </div>
            {form.errorOf("recipientKind") && (
              <p role="alert" className="text-xs text-red-600">
                {form.errorOf("recipientKind")}
              </p>
            )}
          </fieldset>
          <Field label={t("ownerIdNumber")} htmlFor="c-ownerId" error={form.errorOf("ownerIdNumber")} hint={t("ownerIdNumberHint")} required>
            <Input id="c-ownerId" {...form.register("ownerIdNumber")} aria-invalid={!!form.errorOf("ownerIdNumber")} className="font-mono" autoComplete="off" spellCheck={false} />
          </Field>
          <Field label={t("recipientPhone")} htmlFor="c-phone" error={form.errorOf("recipientPhone")}>
            <Input id="c-phone" type="tel" {...form.register("recipientPhone")} aria-invalid={!!form.errorOf("recipientPhone")} autoComplete="off" />
          </Field>
          {kind === "agent" && (
            <>
              <Field label={t("agentName")} htmlFor="c-agentName" error={form.errorOf("agentName")} required>
                <Input id="c-agentName" {...form.register("agentName")} aria-invalid={!!form.errorOf("agentName")} autoComplete="off" />
              </Field>
              <Field label={t("agentIdNumber")} htmlFor="c-agentId" error={form.errorOf("agentIdNumber")} required>
                <Input id="c-agentId" {...form.register("agentIdNumber")} aria-invalid={!!form.errorOf("agentIdNumber")} className="font-mono" autoComplete="off" spellCheck={false} />
              </Field>
              <Field label={t("powerOfAttorney")} htmlFor="c-poa" error={form.errorOf("powerOfAttorney")} required className="sm:col-span-2">
                <Input id="c-poa" {...form.register("powerOfAttorney")} aria-invalid={!!form.errorOf("powerOfAttorney")} autoComplete="off" />
              </Field>
            </>
          )}
          <Field label={t("remarks")} htmlFor="c-remarks" error={form.errorOf("remarks")} className="sm:col-span-2">
            <Input id="c-remarks" {...form.register("remarks")} aria-invalid={!!form.errorOf("remarks")} maxLength={200} />
          </Field>
          <div className="sm:col-span-2">
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" {...form.register("confirmed")} className="h-4 w-4 accent-brand-600" />
              {t("confirmed")}
            </label>
            <p className="ml-6 text-xs text-slate-500">{t("confirmedHint")}</p>
          </div>
        </div>
        <div className="mt-4 flex justify-end">
          <SubmitButton pending={create.isPending}>{t("submit")}</SubmitButton>
        </div>
      </Card>
    </form>
  );
}
