"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { useRefreshWith } from "./use-admin-mutation";
import { useHydrated } from "@/components/forms/use-hydrated";

export function UserStatusActions({ userId, isActive, isLocked }: { userId: string; isActive: boolean; isLocked: boolean }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const onError = (e: { message: string }) => toast.error(e.message);
  const setActive = useMutation(trpc.admin.setActive.mutationOptions({ onSuccess: () => refresh(tc("saved")), onError }));
  const unlock = useMutation(trpc.admin.unlockSignIn.mutationOptions({ onSuccess: () => refresh(t("unlocked")), onError }));
  return (
    <div className="flex flex-wrap gap-2">
      {isActive ? (
        <Button
          variant="danger"
          disabled={!hydrated || setActive.isPending}
          onClick={() => {
            if (window.confirm(t("confirmDeactivate"))) setActive.mutate({ userId, active: false });
          }}
        >
          {t("deactivate")}
        </Button>
      ) : (
        <Button variant="secondary" disabled={!hydrated || setActive.isPending} onClick={() => setActive.mutate({ userId, active: true })}>
          {t("activate")}
        </Button>
      )}
      {isLocked && (
        <Button variant="secondary" disabled={!hydrated || unlock.isPending} onClick={() => unlock.mutate({ userId })}>
          {t("unlock")}
        </Button>
      )}
    </div>
  );
}
