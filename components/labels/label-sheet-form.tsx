"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { ZCreateLabelSheet } from "@/server/domain/labels/labels.schema";
import { DEFAULT_GRID, GRID_PRESETS, labelSizeMm, pageCount } from "@/server/domain/labels/label-grid";

type BoxRow = { id: string; code: string; note: string | null; fileCount: number; createdAt: string };

/**
 * The boxes list with checkboxes and the label grid: ticking boxes and 打印标签 keeps a label
 * sheet and offers its PDF. The grid's schema is the procedure's; the server refuses a grid
 * too dense for the QR code whatever the form says.
 */
export function BoxesLabelForm({ rows, canPrint }: { rows: BoxRow[]; canPrint: boolean }) {
  const t = useTranslations("labels");
  const trpc = useTRPC();
  const [sheet, setSheet] = useState<{ id: string; sheetNo: string } | null>(null);
  const form = useZodForm(ZCreateLabelSheet, { kind: "box", targetIds: [], ...DEFAULT_GRID });
  const selected = form.watch("targetIds") ?? [];
  const grid = { columns: Number(form.watch("columns")) || 1, rows: Number(form.watch("rows")) || 1, marginMm: Number(form.watch("marginMm")) || 0, gapMm: Number(form.watch("gapMm")) || 0 };
  const size = labelSizeMm(grid);
  const create = useMutation(
    trpc.labels.sheets.create.mutationOptions({
      onSuccess: (s) => {
        toast.success(t("sheetCreated", { sheetNo: s.sheetNo }));
        setSheet(s);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const allOnPage = rows.length > 0 && rows.every((r) => selected.includes(r.id));
  const toggleAll = () => form.setValue("targetIds", allOnPage ? [] : rows.map((r) => r.id), { shouldValidate: true });
  const preset = (g: (typeof GRID_PRESETS)[number]) => {
    for (const k of ["columns", "rows", "marginMm", "gapMm"] as const) form.setValue(k, g[k], { shouldValidate: true });
  };

  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-3" noValidate>
      <Table caption={t("title")}>
        <thead>
          <tr>
            {canPrint && (
              <Th className="w-10">
                <input type="checkbox" checked={allOnPage} onChange={toggleAll} aria-label={t("selectAll")} />
              </Th>
            )}
            <Th>{t("colCode")}</Th>
            <Th className="text-right">{t("colFiles")}</Th>
            <Th>{t("colNote")}</Th>
            <Th>{t("colCreatedAt")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              {canPrint && (
                <Td>
                  <input type="checkbox" value={r.id} {...form.register("targetIds")} aria-label={t("select", { code: r.code })} />
                </Td>
              )}
              <Td className="font-mono text-xs">
                <a href={`/archive/boxes/${r.id}`} className="text-brand-600 hover:underline">
                  {r.code}
                </a>
              </Td>
              <Td className="text-right tabular-nums">{r.fileCount}</Td>
              <Td>{r.note ?? "—"}</Td>
              <Td className="whitespace-nowrap tabular-nums">{r.createdAt}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {canPrint && (
        <div className="space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-800">{t("grid")}</span>
            {GRID_PRESETS.map((g) => (
              <button key={`${g.columns}x${g.rows}`} type="button" className={buttonClass("secondary", "sm")} onClick={() => preset(g)}>
                {t("preset", { columns: g.columns, rows: g.rows })}
              </button>
            ))}
          </div>
          <div className="flex flex-wrap items-start gap-3">
            {(["columns", "rows", "marginMm", "gapMm"] as const).map((k) => (
              <Field key={k} label={t(k)} htmlFor={`grid-${k}`} error={form.errorOf(k)} className="w-28">
                <Input id={`grid-${k}`} type="number" inputMode="numeric" {...form.register(k, { valueAsNumber: true })} aria-invalid={!!form.errorOf(k)} />
              </Field>
            ))}
            <div className="mt-7 text-sm text-slate-600">
              {t("perPage", { count: grid.columns * grid.rows, pages: pageCount(grid, selected.length) })} · {t("labelSize", { width: size.width, height: size.height })}
            </div>
          </div>
          {form.errorOf("targetIds") && (
            <p role="alert" className="text-xs text-red-600">
              {t("noneSelected")}
            </p>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm text-slate-600">{t("selectedCount", { count: selected.length })}</span>
            <SubmitButton pending={create.isPending}>{t("printLabels")}</SubmitButton>
            {sheet && (
              <>
                <a className={buttonClass("primary")} href={`/api/print/labels/${sheet.id}`} target="_blank" rel="noreferrer" data-testid="label-pdf">
                  {t("openPdf")} {sheet.sheetNo}
                </a>
                <a className={buttonClass("secondary")} href={`/print/labels/${sheet.id}`} target="_blank" rel="noreferrer" data-testid="label-page">
                  {t("openPage")}
                </a>
              </>
            )}
          </div>
        </div>
      )}
    </form>
  );
}
