"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { ZCreateWeedingList } from "@/server/domain/archive/weeding.schema";

type Proposal = { id: string; archiveNo: string; title: string; formedOn: string; retentionYears: number | null; expiresOn: string | null; archiveClass: { code: string; name: string } };

/** 待剔除建议 with checkboxes: tick files, give the kind and reason, and the list is drawn up. */
export function WeedingProposalsForm({ rows }: { rows: Proposal[] }) {
  const t = useTranslations("weeding");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZCreateWeedingList, { kind: "destroy", reason: "", recordIds: [] });
  const selected = form.watch("recordIds") ?? [];
  const create = useMutation(
    trpc.archive.weeding.create.mutationOptions({
      onSuccess: (list) => {
        toast.success(t("created", { listNo: list.listNo }));
        router.push(`/archive/weeding/${list.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const allOnPage = rows.length > 0 && rows.every((r) => selected.includes(r.id));
  const toggleAll = () => form.setValue("recordIds", allOnPage ? [] : rows.map((r) => r.id), { shouldValidate: true });

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-3" noValidate>
      <Table caption={t("proposals")}>
        <thead>
          <tr>
            <Th className="w-10">
              <input type="checkbox" checked={allOnPage} onChange={toggleAll} aria-label={t("selectAll")} />
            </Th>
            <Th>{t("colArchiveNo")}</Th>
            <Th>{t("colTitle")}</Th>
            <Th>{t("colClass")}</Th>
            <Th>{t("colFormedOn")}</Th>
            <Th>{t("colRetention")}</Th>
            <Th>{t("colExpiresOn")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <Td>
                <input type="checkbox" value={r.id} {...form.register("recordIds")} aria-label={r.archiveNo} />
              </Td>
              <Td className="font-mono text-xs">
                <a href={`/archive/${r.id}`} className="text-brand-600 hover:underline">
                  {r.archiveNo}
                </a>
              </Td>
              <Td className="max-w-80 truncate" title={r.title}>
                {r.title}
              </Td>
              <Td>{r.archiveClass.name}</Td>
              <Td className="tabular-nums">{r.formedOn}</Td>
              <Td>{r.retentionYears === null ? t("permanent") : t("years", { years: r.retentionYears })}</Td>
              <Td className="tabular-nums text-red-700">{r.expiresOn}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {form.errorOf("recordIds") && (
        <p role="alert" className="text-xs text-red-600">
          {form.errorOf("recordIds")}
        </p>
      )}
      <div className="flex flex-wrap items-start gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <span className="mt-7 text-sm text-slate-600">{t("selected", { count: selected.length })}</span>
        <Field label={t("kind")} htmlFor="weedingKind" className="w-36">
          <Select id="weedingKind" {...form.register("kind")}>
            <option value="destroy">{t("kinds.destroy")}</option>
            <option value="transfer">{t("kinds.transfer")}</option>
          </Select>
        </Field>
        <Field label={t("reason")} htmlFor="weedingReason" error={form.errorOf("reason")} required className="min-w-80 flex-1">
          <Input id="weedingReason" placeholder={t("reasonPlaceholder")} {...form.register("reason")} aria-invalid={!!form.errorOf("reason")} />
        </Field>
        <SubmitButton pending={create.isPending} className="mt-6">
          {t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}
