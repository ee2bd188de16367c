"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { ShieldCheck, ShieldAlert } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/forms/use-hydrated";

export function VerifyChainButton() {
  const t = useTranslations("audit");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const verify = useQuery({ ...trpc.audit.verifyChain.queryOptions(), enabled: false });
  const r = verify.data;
  return (
    <div className="flex items-center gap-3">
      {r &&
        (r.ok ? (
          <span role="status" className="inline-flex items-center gap-1 text-sm text-emerald-700">
            <ShieldCheck className="h-4 w-4" aria-hidden />
            {t("chainOk", { count: r.checked })}
          </span>
        ) : (
          <span role="alert" className="inline-flex items-center gap-1 text-sm text-red-700">
            <ShieldAlert className="h-4 w-4" aria-hidden />
            {t("chainBroken", { id: r.brokenAt, reason: r.reason })}
          </span>
        ))}
      <Button variant="secondary" onClick={() => verify.refetch()} disabled={!hydrated || verify.isFetching}>
        {verify.isFetching ? tc("loading") : t("verify")}
      </Button>
    </div>
  );
}
