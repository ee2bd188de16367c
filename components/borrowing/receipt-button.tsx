"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";

/** The borrower's own confirmation that the files reached them (their signature on the slip). */
export function ReceiptButton({ requestId }: { requestId: string }) {
  const t = useTranslations("loans");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const confirm = useMutation(trpc.borrowing.loans.confirmReceipt.mutationOptions({ onSuccess: () => refresh(t("receiptConfirmed")), onError: (e) => toast.error(e.message) }));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{t("receiptHint")}</p>
      <Button disabled={!hydrated || confirm.isPending} onClick={() => confirm.mutate({ requestId })}>
        {t("confirmReceipt")}
      </Button>
    </div>
  );
}
