"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { attachmentUrl, formatFileSize, shortSha } from "./attachment-format";

export type AttachmentRow = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: string;
  isPurged: boolean;
};

type Verdict = "ok" | "mismatch" | "missing" | "purged";

const THUMBNAIL_TYPES = new Set(["image/jpeg", "image/png"]);
const PREVIEW_TYPES = new Set(["image/jpeg", "image/png", "application/pdf"]);

export function AttachmentTable({ recordId, rows, canVerify, emptyText }: { recordId: string; rows: AttachmentRow[]; canVerify: boolean; emptyText: string }) {
  const t = useTranslations("attachments");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const verify = useMutation(
    trpc.archive.attachments.verify.mutationOptions({
      onSuccess: (res) => {
        setVerdicts(Object.fromEntries(res.results.map((r) => [r.attachmentId, r.result])));
        const bad = res.summary.mismatch + res.summary.missing;
        (bad ? toast.error : toast.success)(t("verifyDone", { ok: res.summary.ok, bad }));
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  if (rows.length === 0) return <EmptyState>{emptyText}</EmptyState>;

  const copy = async (sha: string) => {
    try {
      await navigator.clipboard.writeText(sha);
      toast.success(t("copied"));
    } catch {
      // Clipboard needs a secure context; the full value stays selectable in the title.
      window.prompt(t("checksum"), sha);
    }
  };

  return (
    <div className="space-y-2">
      {canVerify ? (
        <div className="flex justify-end">
          <Button variant="secondary" size="sm" disabled={!hydrated || verify.isPending} onClick={() => verify.mutate({ recordId })}>
            {verify.isPending ? t("verifying") : t("verify")}
          </Button>
        </div>
      ) : null}
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th>{t("fileName")}</Th>
            <Th>{t("type")}</Th>
            <Th className="text-right">{t("size")}</Th>
            <Th>{t("uploadedBy")}</Th>
            <Th>{t("uploadedAt")}</Th>
            <Th>{t("checksum")}</Th>
            <Th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const verdict = verdicts[r.id];
            return (
              <tr key={r.id} data-testid="attachment-row">
                <Td>
                  <div className="flex items-center gap-2">
                    {THUMBNAIL_TYPES.has(r.mimeType) && !r.isPurged ? (
                      // A plain <img>: the file comes from a permission-checked route, not a static asset.
                      // eslint-disable-next-line @next/next/no-img-element
                      <img src={attachmentUrl(r.id, "view")} alt={t("thumbnailAlt", { fileName: r.fileName })} loading="lazy" className="h-10 w-10 rounded object-cover ring-1 ring-slate-200" />
                    ) : null}
                    <span className="break-all">{r.fileName}</span>
                  </div>
                </Td>
                <Td className="whitespace-nowrap">{t.has(`types.${r.mimeType}` as "types.image/png") ? t(`types.${r.mimeType}` as "types.image/png") : r.mimeType}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">{formatFileSize(r.sizeBytes)}</Td>
                <Td className="whitespace-nowrap">{r.uploadedByName ?? "—"}</Td>
                <Td className="whitespace-nowrap tabular-nums">{r.uploadedAt}</Td>
                <Td className="whitespace-nowrap">
                  <span className="font-mono text-xs" title={r.sha256} data-testid="attachment-sha">
                    {shortSha(r.sha256)}
                  </span>
                  <button type="button" className="ml-1 text-xs text-brand-700 hover:underline" onClick={() => copy(r.sha256)} aria-label={`${t("copy")} ${r.sha256}`}>
                    {t("copy")}
                  </button>
                  {verdict ? (
                    <span className="ml-2" data-testid="attachment-verdict">
                      <Tag tone={verdict === "ok" ? "green" : verdict === "purged" ? "grey" : "red"}>
                        {verdict === "ok" ? t("verifyOk") : verdict === "mismatch" ? t("verifyMismatch") : verdict === "missing" ? t("verifyMissing") : t("verifyPurged")}
                      </Tag>
                    </span>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap text-right">
                  {r.isPurged ? (
                    <span title={t("purgedHint")}>
                      <Tag tone="grey">{t("purged")}</Tag>
                    </span>
                  ) : (
                    <span className="flex justify-end gap-3 text-sm">
                      {PREVIEW_TYPES.has(r.mimeType) ? (
                        <a href={attachmentUrl(r.id, "view")} target="_blank" rel="noopener" className="text-brand-700 hover:underline">
                          {t("preview")}
                        </a>
                      ) : null}
                      <a href={attachmentUrl(r.id, "download")} className="text-brand-700 hover:underline">
                        {t("download")}
                      </a>
                    </span>
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
