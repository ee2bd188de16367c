"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { Download, Upload } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { MAX_IMPORT_BYTES } from "@/server/domain/archive/handover.schema";
import type { RowError } from "@/server/domain/archive/handover-import";

type Header = { fromDept: string; projectId: string; classId: string; note?: string };

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Import a 移交清单 file: every bad row is listed with its row number, and nothing is created. */
export function HandoverImportPanel({ header, onCreated }: { header: () => Promise<Header | null>; onCreated: (r: { batchId: string; batchNo: string; lines: number }) => void }) {
  const t = useTranslations("handover");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const importFile = useMutation(
    trpc.archive.handover.importFile.mutationOptions({
      onSuccess: (r) => {
        if (r.ok) onCreated(r);
        else setRowErrors(r.errors);
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  async function submit() {
    setRowErrors([]);
    const file = fileRef.current?.files?.[0];
    if (!file) return setFileError(t("chooseFile"));
    if (file.size > MAX_IMPORT_BYTES) return setFileError(tv("handoverFileTooLarge"));
    setFileError(null);
    const h = await header();
    if (!h) return;
    importFile.mutate({ ...h, fileName: file.name, contentBase64: toBase64(await file.arrayBuffer()) });
  }

  return (
    <Card title={t("tabImport")} actions={
      <a href="/api/archive/handover/template" className={buttonClass("ghost", "sm")}>
        <Download className="h-4 w-4" aria-hidden />
        {t("template")}
      </a>
    }>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("file")} htmlFor="h-file" hint={t("fileHint")} error={fileError ?? undefined} required className="min-w-80 flex-1">
          <input
            ref={fileRef}
            id="h-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
            onChange={() => {
              setFileError(null);
              setRowErrors([]);
            }}
          />
        </Field>
        <Button onClick={submit} disabled={!hydrated || importFile.isPending} aria-busy={importFile.isPending}>
          <Upload className="h-4 w-4" aria-hidden />
          {t("importSubmit")}
        </Button>
      </div>
      {rowErrors.length > 0 && (
        <div role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{t("importErrorsTitle", { count: rowErrors.length })}</p>
          <ul className="mt-2 max-h-72 list-disc space-y-0.5 overflow-auto pl-5">
            {rowErrors.map((e, i) => (
              <li key={i}>
                {t("row", { rowNo: e.rowNo })}：{t(`importErrors.${e.code}`, e.params)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
