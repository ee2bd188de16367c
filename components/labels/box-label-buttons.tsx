"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { DEFAULT_GRID } from "@/server/domain/labels/label-grid";

/** The box page's 打印本盒标签 / 打印卷标签: a sheet in the default grid, its PDF opened at once. */
export function BoxLabelButtons({ boxId, recordIds }: { boxId: string; recordIds: string[] }) {
  const t = useTranslations("labels");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const create = useMutation(
    trpc.labels.sheets.create.mutationOptions({
      onSuccess: (s) => {
        toast.success(t("sheetCreated", { sheetNo: s.sheetNo }));
        window.open(`/api/print/labels/${s.id}`, "_blank", "noopener");
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const busy = !hydrated || create.isPending;
  return (
    <div className="flex flex-wrap gap-2">
      <Button disabled={busy} onClick={() => create.mutate({ kind: "box", targetIds: [boxId], ...DEFAULT_GRID })}>
        {t("printBoxLabel")}
      </Button>
      {recordIds.length > 0 && (
        <Button variant="secondary" disabled={busy} onClick={() => create.mutate({ kind: "folder", targetIds: recordIds, ...DEFAULT_GRID })}>
          {t("printFolderLabels")}
        </Button>
      )}
    </div>
  );
}
