"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useState } from "react";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input } from "@/components/ui/field";
import { ZRepairCreate } from "@/server/domain/complaints/complaints.schema";
import { ComplainantPicker, type Pick } from "./complainant-picker";

const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/** 整改维修联系单: where, what, warranty (decides who repairs), paid or free. */
export function RepairForm({
  complaint,
  contact = null,
}: {
  complaint: { id: string; complaintNo: string; unitId: string | null; unit: string | null; content: string } | null;
  /** 转报修: the 来电来访登记 entry this work order starts from (linked when saved). */
  contact?: { id: string; contactNo: string; unitId: string | null; unit: string | null; content: string } | null;
}) {
  const t = useTranslations("repairs");
  const tc = useTranslations("contacts");
  const trpc = useTRPC();
  const router = useRouter();
  const [unitQuery, setUnitQuery] = useState("");
  const [picked, setPicked] = useState<Pick | null>(null);
  const form = useZodForm(ZRepairCreate, {
    complaintId: complaint?.id ?? null,
    unitId: complaint?.unitId ?? contact?.unitId ?? null,
    location: complaint?.unit ?? contact?.unit ?? "",
    description: complaint?.content ?? contact?.content ?? "",
    contactId: contact?.id ?? null,
    isWarranty: true,
    isPaid: false,
  });
  const create = useMutation(
    trpc.complaints.repairs.create.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("created", { orderNo: r.orderNo }));
        router.push(`/complaints/repairs/${r.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="grid max-w-3xl gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 md:grid-cols-2" noValidate>
      {complaint && <p className="text-sm text-slate-600 md:col-span-2">{t("fromComplaint", { complaintNo: complaint.complaintNo })}</p>}
      {contact && <p className="text-sm text-slate-600 md:col-span-2">{tc("prefillBanner", { contactNo: contact.contactNo })}</p>}
      {!(complaint?.unitId ?? contact?.unitId) && (
        <Field label={t("unit")} htmlFor="unitSearch" className="md:col-span-2">
          <ComplainantPicker
            id="unitSearch"
            value={unitQuery}
            onChange={setUnitQuery}
            picked={picked}
            onPick={(p) => {
              setPicked(p);
              form.setValue("unitId", p?.unitId ?? null);
              if (p?.unit && !form.getValues("location")) form.setValue("location", p.unit);
            }}
          />
        </Field>
      )}
      <Field label={t("location")} htmlFor="location" error={form.errorOf("location")} required className="md:col-span-2">
        <Input id="location" {...form.register("location")} aria-invalid={!!form.errorOf("location")} />
      </Field>
      <Field label={t("description")} htmlFor="description" error={form.errorOf("description")} required className="md:col-span-2">
        <textarea id="description" rows={4} className={textarea} {...form.register("description")} aria-invalid={!!form.errorOf("description")} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" {...form.register("isWarranty")} />
        {t("isWarranty")}
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" {...form.register("isPaid")} />
        {t("isPaid")}
      </label>
      <div className="md:col-span-2">
        <SubmitButton pending={create.isPending}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
