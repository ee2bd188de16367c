"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type Item = { key: string; name: string; percent: number; state: "uploading" | "done" | "failed"; message?: string };

const ACCEPT = "application/pdf,image/jpeg,image/png,image/tiff,.pdf,.jpg,.jpeg,.png,.tif,.tiff";

/**
 * Drag-and-drop or pick files; each goes in its own request so it has its own progress bar and
 * its own verdict (the server checks type by content and size while it streams).
 */
export function AttachmentUpload({ recordId, maxMb, maxMp }: { recordId: string; maxMb: number; maxMp: number }) {
  const t = useTranslations("attachments");
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const busy = items.some((i) => i.state === "uploading");

  const update = (key: string, patch: Partial<Item>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const sendOne = (file: File, key: string) =>
    new Promise<boolean>((resolve) => {
      const body = new FormData();
      body.set("recordId", recordId);
      body.append("file", file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/archive/attachments");
      xhr.responseType = "json";
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) update(key, { percent: Math.min(99, Math.round((e.loaded / e.total) * 100)) });
      };
      xhr.onload = () => {
        const res = (xhr.response ?? {}) as { message?: string; results?: { ok: boolean; message?: string }[] };
        if (xhr.status === 201) {
          update(key, { percent: 100, state: "done" });
          resolve(true);
        } else {
          const message = res.results?.find((r) => !r.ok)?.message ?? res.message ?? `HTTP ${xhr.status}`;
          update(key, { state: "failed", message });
          toast.error(message);
          resolve(false);
        }
      };
      xhr.onerror = () => {
        update(key, { state: "failed", message: t("networkError") });
        resolve(false);
      };
      xhr.send(body);
    });

  const upload = async (files: FileList | File[]) => {
    const list = Array.from(files);
    if (list.length === 0) return;
    const batch = list.map((f, i) => ({ file: f, key: `${Date.now()}-${i}-${f.name}` }));
    setItems((xs) => [...batch.map(({ file, key }) => ({ key, name: file.name, percent: 0, state: "uploading" as const })), ...xs]);
    let stored = 0;
    // One after another: a scan batch of 30 files should not open 30 uploads at once.
    for (const { file, key } of batch) if (await sendOne(file, key)) stored++;
    if (stored > 0) {
      toast.success(t("uploadDone", { count: stored }));
      router.refresh();
    }
    if (input.current) input.current.value = "";
  };

  return (
    <div className="space-y-2">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (hydrated) void upload(e.dataTransfer.files);
        }}
        className={cn(
          "flex flex-wrap items-center justify-center gap-2 rounded-md border-2 border-dashed px-4 py-5 text-sm text-slate-600",
          dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50",
        )}
        data-testid="attachment-dropzone"
      >
        <span>{t("dropHere")}</span>
        <Button variant="secondary" size="sm" disabled={!hydrated} onClick={() => input.current?.click()}>
          {t("choose")}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          aria-label={t("choose")}
          data-testid="attachment-input"
          onChange={(e) => e.target.files && void upload(e.target.files)}
          disabled={!hydrated}
        />
        <span className="w-full text-center text-xs text-slate-500">{t("limits", { maxMb, maxMp })}</span>
      </div>
      {items.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-live="polite" aria-busy={busy}>
          {items.map((i) => (
            <li key={i.key} className="flex items-center gap-3" data-testid="attachment-upload-item">
              <span className="min-w-0 flex-1 truncate">{i.name}</span>
              {i.state === "uploading" ? (
                <span className="flex w-48 items-center gap-2">
                  <progress max={100} value={i.percent} className="h-2 flex-1" />
                  <span className="text-xs tabular-nums text-slate-500">{t("uploading", { percent: i.percent })}</span>
                </span>
              ) : i.state === "done" ? (
                <span className="text-xs text-emerald-700">✓ {t("uploaded")}</span>
              ) : (
                <span role="alert" className="max-w-[60%] text-xs text-red-600">
                  ✗ {t("failed")}：{i.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
