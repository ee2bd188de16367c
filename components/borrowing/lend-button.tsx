"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";

/**
 * 借出 at the desk: asks once more (who gets how many files), then hands them over. A slip
 * another archivist lent a moment ago is refused by the server; its message says so.
 */
export function LendButton({ requestId, requestNo, borrower, count, size = "sm" }: { requestId: string; requestNo: string; borrower: string; count: number; size?: "sm" | "md" }) {
  const t = useTranslations("loans");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const [asking, setAsking] = useState(false);
  const lend = useMutation(
    trpc.borrowing.loans.lend.mutationOptions({
      onSuccess: () => refresh(t("lent")),
      onError: (e) => {
        setAsking(false);
        toast.error(e.message);
      },
    }),
  );
  if (!asking) {
    return (
      <Button size={size} disabled={!hydrated} onClick={() => setAsking(true)} aria-label={`${t("lend")} ${requestNo}`}>
        {t("lend")}
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={`${t("lend")} ${requestNo}`}>
      <span className="text-xs text-slate-600">{t("lendConfirm", { requestNo, count, borrower })}</span>
      <Button size={size} disabled={lend.isPending} onClick={() => lend.mutate({ requestId })} autoFocus>
        {lend.isPending ? t("lending") : tc("confirm")}
      </Button>
      <Button size={size} variant="ghost" onClick={() => setAsking(false)}>
        {tc("cancel")}
      </Button>
    </span>
  );
}
