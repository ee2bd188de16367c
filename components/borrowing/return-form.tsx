"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/field";
import { ZReturnLoan, type TReturnLoanInput } from "@/server/domain/borrowing/loan.schema";

type Item = { itemId: string; archiveNo: string; title: string };

/**
 * 归还检查: one line per file of the slip, complete by default; marking a file incomplete asks
 * what is missing (the same schema as the procedure, so the note's message shows under it).
 */
export function ReturnForm({ requestId, items }: { requestId: string; items: Item[] }) {
  const t = useTranslations("loans");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const form = useZodForm(ZReturnLoan, { requestId, items: items.map((i) => ({ itemId: i.itemId, check: "complete", note: "" })) } satisfies TReturnLoanInput);
  const save = useMutation(
    trpc.borrowing.loans.return.mutationOptions({
      onSuccess: (r) => refresh(r.incomplete.length ? t("returnedIncomplete", { archiveNos: r.incomplete.join("、") }) : t("returned")),
      onError: (e) => showServerError(form, e),
    }),
  );
  const checks = form.watch("items");
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="space-y-3">
      <p className="text-sm text-slate-600">{t("returnHint")}</p>
      <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {items.map((item, idx) => {
          const incomplete = checks?.[idx]?.check === "incomplete";
          const noteError = form.errorOf(`items.${idx}.note`);
          return (
            <li key={item.itemId} className="space-y-1.5 px-3 py-2 text-sm" data-testid={`return-item-${item.archiveNo}`}>
              <div className="min-w-0 truncate" title={`${item.archiveNo} ${item.title}`}>
                <span className="font-mono text-xs">{item.archiveNo}</span> <span className="text-slate-600">{item.title}</span>
              </div>
              <div className="flex flex-wrap items-start gap-x-4 gap-y-1.5">
                <fieldset className="flex flex-wrap items-center gap-4">
                  <legend className="sr-only">
                    {t("colCheck")} {item.archiveNo}
                  </legend>
                  <label className="inline-flex items-center gap-1.5">
                    <input type="radio" value="complete" {...form.register(`items.${idx}.check`)} />
                    {t("itemComplete")}
                  </label>
                  <label className="inline-flex items-center gap-1.5">
                    <input type="radio" value="incomplete" {...form.register(`items.${idx}.check`)} />
                    {t("itemIncomplete")}
                  </label>
                </fieldset>
                {incomplete && (
                  <div className="min-w-48 flex-1">
                    <Input
                      aria-label={`${t("missingNote")} ${item.archiveNo}`}
                      placeholder={t("missingPlaceholder")}
                      aria-invalid={!!noteError}
                      className="h-8"
                      {...form.register(`items.${idx}.note`)}
                    />
                    {noteError && (
                      <p role="alert" className="mt-1 text-xs text-red-600">
                        {noteError}
                      </p>
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <SubmitButton pending={save.isPending}>{t("submitReturn")}</SubmitButton>
    </form>
  );
}
