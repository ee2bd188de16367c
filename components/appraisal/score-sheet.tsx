"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import Decimal from "decimal.js";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { ZSaveScores } from "@/server/domain/appraisal/appraisal.schema";
import { DIMENSIONS } from "@/server/domain/appraisal/dimensions";

type Item = { id: string; dimension: "de" | "qin" | "neng" | "ji"; name: string; maxScore: string; criteria: string | null };
type Props = {
  appraisalId: string;
  items: Item[];
  maxima: Record<"de" | "qin" | "neng" | "ji", string>;
  deductions: { itemId: string; deduction: string; reason: string | null }[];
  adjustments: { kind: "penalty" | "commendation"; points: string; reason: string }[];
  summary: string | null;
  editable: boolean;
  canScore: boolean;
};

const dec = (v: string | undefined) => {
  try {
    const d = new Decimal(v || "0");
    return d.isFinite() ? d : new Decimal(0);
  } catch {
    return new Decimal(0);
  }
};

/**
 * 评分表: every item of the template version with its maximum; the scorer enters deductions and
 * reasons, penalties and commendations, and sees the totals as they type (the server computes
 * them again with the same rules). Read-only once scored.
 */
export function ScoreSheet(p: Props) {
  const t = useTranslations("appraisal");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const given = new Map(p.deductions.map((d) => [d.itemId, d]));
  const form = useZodForm(ZSaveScores, {
    appraisalId: p.appraisalId,
    deductions: p.items.map((i) => ({ itemId: i.id, deduction: given.get(i.id)?.deduction ?? "0", reason: given.get(i.id)?.reason ?? "" })),
    adjustments: p.adjustments,
    summary: p.summary ?? "",
  });
  const adjustments = useFieldArray({ control: form.control, name: "adjustments" });
  const save = useMutation(trpc.appraisal.appraisals.saveScores.mutationOptions());
  const score = useMutation(trpc.appraisal.appraisals.score.mutationOptions());
  const busy = !hydrated || save.isPending || score.isPending;

  const values = form.watch();
  const totals = useMemo(() => {
    const byDim = Object.fromEntries(DIMENSIONS.map((d) => [d, new Decimal(0)])) as Record<string, Decimal>;
    p.items.forEach((item, n) => {
      byDim[item.dimension] = byDim[item.dimension]!.plus(dec(item.maxScore).minus(dec(values.deductions?.[n]?.deduction)));
    });
    const base = DIMENSIONS.reduce((s, d) => s.plus(byDim[d]!), new Decimal(0));
    const adj = (values.adjustments ?? []).reduce((s, a) => (a.kind === "penalty" ? s.minus(dec(a.points)) : s.plus(dec(a.points))), new Decimal(0));
    return { byDim, base, total: base.plus(adj) };
  }, [values, p.items]);

  const onError = (e: Parameters<typeof showServerError>[1]) => showServerError(form, e);
  // Validated here with the procedure's own schema (not handleSubmit), so a refused field is
  // marked and announced even when it is off screen. Errors show as red borders (message in the
  // title and the toast), never as lines that appear and vanish: a line vanishing on blur moved
  // the save button away between mouse down and up, and the click was lost.
  const valid = () => {
    const r = ZSaveScores.safeParse(form.getValues());
    if (r.success) return r.data;
    for (const issue of r.error.issues) form.setError(issue.path.join(".") as "summary", { type: "zod", message: issue.message });
    toast.error(t("fixMarked"));
    return null;
  };
  const doSave = async () => {
    const v = valid();
    if (!v) return;
    try {
      const r = await save.mutateAsync(v);
      toast.success(t("saved", { total: r.total }));
      router.refresh();
    } catch (e) {
      onError(e as Parameters<typeof showServerError>[1]);
    }
  };
  const doScore = async () => {
    const v = valid();
    if (!v) return;
    try {
      await save.mutateAsync(v);
      await score.mutateAsync({ appraisalId: p.appraisalId });
      toast.success(t("scoredDone"));
      router.refresh();
    } catch (e) {
      onError(e as Parameters<typeof showServerError>[1]);
    }
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-4">
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="score-sheet">
          <caption className="sr-only">{t("scoreSheet")}</caption>
          <thead>
            <tr className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
              <th className="px-3 py-2">{t("item")}</th>
              <th className="px-3 py-2">{t("criteria")}</th>
              <th className="px-3 py-2 text-right">{t("max")}</th>
              <th className="px-3 py-2 text-right">{t("deduction")}</th>
              <th className="px-3 py-2 text-right">{t("score")}</th>
              <th className="px-3 py-2">{t("reason")}</th>
            </tr>
          </thead>
          {DIMENSIONS.map((dim) => (
            <tbody key={dim} className="divide-y divide-slate-100">
              <tr className="bg-slate-50/60">
                <th colSpan={2} scope="rowgroup" className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">
                  {t(`dimensionsLong.${dim}`)}
                </th>
                <td className="px-3 py-1.5 text-right text-xs font-semibold tabular-nums">{p.maxima[dim]}</td>
                <td />
                <td className="px-3 py-1.5 text-right text-xs font-semibold tabular-nums" data-testid={`subtotal-${dim}`}>
                  {totals.byDim[dim]!.toFixed(1)}
                </td>
                <td />
              </tr>
              {p.items.map((item, n) =>
                item.dimension !== dim ? null : (
                  <tr key={item.id}>
                    <td className="px-3 py-1.5 whitespace-nowrap font-medium text-slate-800">{item.name}</td>
                    <td className="px-3 py-1.5 text-xs text-slate-500">{item.criteria}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{item.maxScore}</td>
                    <td className="px-3 py-1.5 text-right">
                      {p.editable ? (
                        <Input
                          aria-label={`${item.name} ${t("deduction")}`}
                          inputMode="decimal"
                          className="ml-auto h-8 w-20 text-right tabular-nums"
                          {...form.register(`deductions.${n}.deduction`)}
                          aria-invalid={!!form.errorOf(`deductions.${n}.deduction`)}
                        />
                      ) : (
                        <span className="tabular-nums text-red-700">{dec(values.deductions?.[n]?.deduction).gt(0) ? `-${values.deductions?.[n]?.deduction}` : ""}</span>
                      )}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{dec(item.maxScore).minus(dec(values.deductions?.[n]?.deduction)).toFixed(1)}</td>
                    <td className="px-3 py-1.5">
                      {p.editable ? (
                        <Input aria-label={`${item.name} ${t("reason")}`} placeholder={t("reasonPlaceholder")} className="h-8 min-w-56" {...form.register(`deductions.${n}.reason`)} />
                      ) : (
                        <span className="text-xs text-slate-600">{dec(values.deductions?.[n]?.deduction).gt(0) ? values.deductions?.[n]?.reason : ""}</span>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          ))}
          <tfoot>
            <tr className="bg-slate-50 font-semibold">
              <td colSpan={4} className="px-3 py-2 text-right">
                {t("baseTotal")}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{totals.base.toFixed(1)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-sm font-semibold text-slate-800">{t("adjustments")}</h2>
        <p className="mb-2 text-xs text-slate-500">{t("adjustmentsHint")}</p>
        {adjustments.fields.length === 0 && <p className="text-sm text-slate-500">{t("noAdjustments")}</p>}
        <ul className="space-y-2">
          {adjustments.fields.map((f, n) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2">
              <Select aria-label={t("adjustments")} className="w-32" disabled={!p.editable} {...form.register(`adjustments.${n}.kind`)}>
                <option value="penalty">{t("penalty")}</option>
                <option value="commendation">{t("commendation")}</option>
              </Select>
              <Input aria-label={t("points")} inputMode="decimal" className="w-20 text-right" disabled={!p.editable} {...form.register(`adjustments.${n}.points`)} aria-invalid={!!form.errorOf(`adjustments.${n}.points`)} title={form.errorOf(`adjustments.${n}.points`)} />
              <Input aria-label={t("adjustmentReason")} placeholder={t("adjustmentReason")} className="min-w-72 flex-1" disabled={!p.editable} {...form.register(`adjustments.${n}.reason`)} aria-invalid={!!form.errorOf(`adjustments.${n}.reason`)} title={form.errorOf(`adjustments.${n}.reason`)} />
              {p.editable && (
                <Button variant="ghost" size="sm" onClick={() => adjustments.remove(n)}>
                  {t("remove")}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {p.editable && (
          <div className="mt-2 flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => adjustments.append({ kind: "penalty", points: "", reason: "" })}>
              {t("addPenalty")}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => adjustments.append({ kind: "commendation", points: "", reason: "" })}>
              {t("addCommendation")}
            </Button>
          </div>
        )}
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {p.editable ? (
          <>
            <label htmlFor="summary" className="block text-sm font-semibold text-slate-800">
              {t("summary")}
            </label>
            <textarea id="summary" rows={2} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" {...form.register("summary")} />
          </>
        ) : p.summary ? (
          <>
            <h2 className="text-sm font-semibold text-slate-800">{t("summary")}</h2>
            <p className="mt-1 text-sm text-slate-700">{p.summary}</p>
          </>
        ) : null}
        <p className="mt-3 text-lg font-semibold text-slate-900">
          {t("total")} <span data-testid="live-total" className="tabular-nums">{totals.total.toFixed(1)}</span>
        </p>
        {p.editable && (
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <Button variant="secondary" disabled={busy} onClick={() => void doSave()}>
              {t("save")}
            </Button>
            {p.canScore && (
              <Button disabled={busy} onClick={() => void doScore()}>
                {t("submitScore")}
              </Button>
            )}
            <span className="text-xs text-slate-500">{t("draftHint")}</span>
          </div>
        )}
      </section>
    </form>
  );
}
