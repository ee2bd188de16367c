"use client";

import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Plus, Search, X } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea, fieldErrorId, useFieldDescription } from "@/components/ui/field";
import { Tag } from "@/components/ui/tag";
import { cn } from "@/components/ui/cn";
import { BORROW_TYPES, ZCreateBorrowRequest } from "@/server/domain/borrowing/borrow.schema";
import { SecretTag } from "./status-tag";

type Picked = { id: string; archiveNo: string; title: string; confidentiality: string; location: string | null };
type Defaults = { today: string; defaultDueOn: string; latestDueOn: string; defaultLoanDays: number; maxLoanDays: number };

/** The list of chosen records as one group named by its Field's label, its error read with it. */
function PickedGroup({ children }: { children: ReactNode }) {
  const described = useFieldDescription();
  return (
    <div id="recordIds" role="group" aria-labelledby="recordIds-label" tabIndex={-1} {...described}>
      {children}
    </div>
  );
}

/**
 * 借阅申请: find records (search or an exact 档号 + Enter), pick several, then type, purpose and
 * due day. The same zod schema checks here and in the procedure; the server re-checks that
 * each record is in store and held by no other loan, and names the ones that are not.
 */
export function RequestForm({ defaults }: { defaults: Defaults }) {
  const t = useTranslations("borrowNew");
  const tt = useTranslations("borrowType");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const hydrated = useHydrated();
  const [term, setTerm] = useState("");
  const [q, setQ] = useState("");
  const [archiveNo, setArchiveNo] = useState("");
  const [picked, setPicked] = useState<Picked[]>([]);
  const form = useZodForm(ZCreateBorrowRequest, { recordIds: [], archiveNos: [], borrowType: undefined, purpose: "", dueOn: defaults.defaultDueOn });
  const found = useQuery(trpc.borrowing.requests.pickRecords.queryOptions({ q }, { enabled: q.length > 0 }));
  const create = useMutation(
    trpc.borrowing.requests.create.mutationOptions({
      onSuccess: (r) => router.push(`/borrowing?created=${encodeURIComponent(r.requestNo)}`),
      onError: (e) => showServerError(form, e),
    }),
  );

  const setRecords = (next: Picked[]) => {
    setPicked(next);
    form.setValue("recordIds", next.map((p) => p.id), { shouldValidate: form.formState.isSubmitted });
  };
  const add = (r: Picked) => {
    if (picked.some((p) => p.id === r.id)) return;
    setRecords([...picked, r]);
  };
  const remove = (id: string) => setRecords(picked.filter((p) => p.id !== id));

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      setQ(term.trim());
    }
  };
  /** An exact 档号: looked up now, so a wrong number is said at once rather than on submit. */
  const addByNumber = async () => {
    const no = archiveNo.trim();
    if (!no) return;
    const res = await queryClient.fetchQuery(trpc.borrowing.requests.pickRecords.queryOptions({ q: no }));
    const hit = res.rows.find((r) => r.archiveNo.toLowerCase() === no.toLowerCase());
    if (!hit) return toast.error(te("BORROW_RECORD_NOT_FOUND", { archiveNo: no }));
    if (!hit.available) return toast.error(hit.heldBy ? t("heldBy", { requestNo: hit.heldBy }) : te("BORROW_RECORD_UNAVAILABLE", { archiveNo: hit.archiveNo }));
    add(hit);
    setArchiveNo("");
  };

  const borrowType = form.watch("borrowType");
  const recordsError = form.errorOf("recordIds");
  const typeError = form.errorOf("borrowType");
  const secret = picked.some((p) => p.confidentiality === "secret");
  const rows = found.data?.rows ?? [];

  return (
    <div className="space-y-4">
      <section aria-labelledby="pick-title" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="pick-title" className="mb-3 text-sm font-semibold text-slate-800">
          {t("records")}
        </h2>
        <div className="grid gap-3 md:grid-cols-[1fr_auto]">
          <div className="flex gap-2">
            <Input
              id="pickSearch"
              aria-label={t("searchLabel")}
              placeholder={t("searchPlaceholder")}
              value={term}
              onChange={(e) => setTerm(e.target.value)}
              onKeyDown={onSearchKey}
              autoFocus
              aria-describedby={recordsError ? fieldErrorId("recordIds") : undefined}
            />
            <Button variant="secondary" disabled={!hydrated} onClick={() => setQ(term.trim())}>
              <Search className="h-4 w-4" aria-hidden />
              {t("searchButton")}
            </Button>
          </div>
          <div className="flex gap-2">
            <Input
              id="pickArchiveNo"
              aria-label={t("archiveNoLabel")}
              placeholder={t("archiveNoPlaceholder")}
              value={archiveNo}
              onChange={(e) => setArchiveNo(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void addByNumber();
                }
              }}
              className="w-64 font-mono"
            />
            <Button variant="secondary" disabled={!hydrated} onClick={() => void addByNumber()}>
              <Plus className="h-4 w-4" aria-hidden />
              {t("add")}
            </Button>
          </div>
        </div>

        <div className="mt-3">
          {!q ? (
            <p className="text-xs text-slate-500">{t("pickerHint")}</p>
          ) : found.isLoading ? null : rows.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">{t("pickerEmpty")}</p>
          ) : (
            <>
              <p className="mb-1 text-xs text-slate-500">{t("pickerFound", { total: found.data?.total ?? 0 })}</p>
              <div className="max-h-72 overflow-y-auto rounded-md ring-1 ring-slate-200">
                <table className="min-w-full divide-y divide-slate-100 text-sm">
                  <caption className="sr-only">{t("searchLabel")}</caption>
                  <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600">
                    <tr>
                      <th className="px-3 py-1.5">{t("colArchiveNo")}</th>
                      <th className="px-3 py-1.5">{t("colTitle")}</th>
                      <th className="px-3 py-1.5">{t("colClass")}</th>
                      <th className="px-3 py-1.5">{t("colLocation")}</th>
                      <th className="px-3 py-1.5">{t("colStatus")}</th>
                      <th className="px-3 py-1.5" />
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rows.map((r) => {
                      const added = picked.some((p) => p.id === r.id);
                      return (
                        <tr key={r.id} className={cn(!r.available && "text-slate-400")}>
                          <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{r.archiveNo}</td>
                          <td className="max-w-72 truncate px-3 py-1.5" title={r.title}>
                            {r.title} {r.confidentiality === "secret" && <SecretTag />}
                          </td>
                          <td className="whitespace-nowrap px-3 py-1.5 text-xs">{r.className}</td>
                          <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{r.location ?? "—"}</td>
                          <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                            {r.heldBy ? <Tag tone="amber">{t("heldBy", { requestNo: r.heldBy })}</Tag> : r.status !== "in_store" ? <Tag tone="grey">{t("notInStore")}</Tag> : null}
                          </td>
                          <td className="px-3 py-1.5 text-right">
                            {added ? (
                              <span className="text-xs text-emerald-700">{t("added")}</span>
                            ) : (
                              <Button size="sm" variant="secondary" disabled={!hydrated || !r.available} onClick={() => add(r)} aria-label={t("addOne", { archiveNo: r.archiveNo })}>
                                {t("add")}
                              </Button>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      </section>

      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <Field id="recordIds" label={t("selected", { count: picked.length })} error={recordsError} required>
          <PickedGroup>
            {picked.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noneSelected")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="picked-records">
                {picked.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-3 px-3 py-1.5 text-sm">
                    <span className="truncate">
                      <span className="font-mono text-xs text-slate-500">{p.archiveNo}</span> {p.title}
                      {p.location && <span className="ml-2 font-mono text-xs text-slate-400">{p.location}</span>}
                    </span>
                    <Button size="sm" variant="ghost" onClick={() => remove(p.id)} aria-label={t("removeOne", { archiveNo: p.archiveNo })}>
                      <X className="h-3.5 w-3.5" aria-hidden />
                      {t("remove")}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </PickedGroup>
        </Field>
        {secret && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">{t("secretNotice")}</p>}

        <fieldset aria-describedby={typeError ? fieldErrorId("borrowType") : undefined}>
          <legend className="mb-1 block text-sm font-medium text-slate-700">
            {t("type")}
            <span aria-hidden className="ml-0.5 text-red-600">
              *
            </span>
          </legend>
          <div className="flex flex-wrap gap-2" role="radiogroup">
            {BORROW_TYPES.map((type) => (
              <label
                key={type}
                className={cn(
                  "flex cursor-pointer items-start gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
                  borrowType === type && "bg-brand-50 ring-brand-600",
                )}
              >
                <input type="radio" value={type} {...form.register("borrowType")} aria-invalid={!!typeError} aria-describedby={typeError ? fieldErrorId("borrowType") : undefined} className="mt-0.5" />
                <span>
                  <span className="font-medium text-slate-900">{tt(type)}</span>
                  <span className="block text-xs text-slate-500">{t(`typeHints.${type}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {typeError && (
            <p id={fieldErrorId("borrowType")} role="alert" className="mt-1 text-xs text-red-600">
              {typeError}
            </p>
          )}
        </fieldset>

        <Field label={t("purpose")} htmlFor="purpose" error={form.errorOf("purpose")} required>
          <Textarea id="purpose" rows={2} placeholder={t("purposePlaceholder")} {...form.register("purpose")} aria-invalid={!!form.errorOf("purpose")} />
        </Field>

        <Field label={t("dueOn")} htmlFor="dueOn" error={form.errorOf("dueOn")} hint={t("dueOnHint", { days: defaults.defaultLoanDays, latest: defaults.latestDueOn, maxDays: defaults.maxLoanDays })} required>
          <Input id="dueOn" type="date" min={defaults.today} max={defaults.latestDueOn} {...form.register("dueOn")} aria-invalid={!!form.errorOf("dueOn")} className="w-44" />
        </Field>

        <div className="flex gap-2">
          <SubmitButton pending={create.isPending}>{t("submit")}</SubmitButton>
          <Button variant="ghost" onClick={() => router.push("/borrowing")}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    </div>
  );
}
