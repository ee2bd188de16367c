"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { CheckCheck, PenLine } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { Button } from "@/components/ui/button";

/** 其余全部已收到 and 签收. The server refuses a sign with pending lines; the button says why first. */
export function HandoverSignActions({ batchId, batchNo, pending, groups }: { batchId: string; batchNo: string; pending: number; groups: number }) {
  const t = useTranslations("handover");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const checkAll = useMutation(trpc.archive.handover.checkAllReceived.mutationOptions({ onSuccess: (r) => refresh(t("checkAllDone", r)), onError: (e) => toast.error(e.message) }));
  const sign = useMutation(trpc.archive.handover.sign.mutationOptions({ onSuccess: (r) => refresh(t("signDone", { count: r.records.length })), onError: (e) => toast.error(e.message) }));
  const busy = !hydrated || checkAll.isPending || sign.isPending;
  return (
    <>
      {pending > 0 && (
        <Button variant="secondary" disabled={busy} onClick={() => checkAll.mutate({ batchId })}>
          <CheckCheck className="h-4 w-4" aria-hidden />
          {t("checkAll")}
        </Button>
      )}
      <Button
        disabled={busy}
        aria-busy={sign.isPending}
        title={pending > 0 ? t("signBlocked", { pending }) : undefined}
        onClick={() => {
          if (pending > 0) return void toast.error(t("signBlocked", { pending }));
          if (window.confirm(t("signConfirm", { batchNo, groups }))) sign.mutate({ batchId });
        }}
      >
        <PenLine className="h-4 w-4" aria-hidden />
        {t("sign")}
      </Button>
    </>
  );
}
