"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckCheck } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/forms/use-hydrated";

export function MarkAllReadButton({ seenAt }: { seenAt: string }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const mutation = useMutation(
    trpc.notifications.markAllRead.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <Button variant="secondary" size="sm" disabled={!hydrated || mutation.isPending} onClick={() => mutation.mutate({ seenAt: new Date(seenAt) })}>
      <CheckCheck className="h-4 w-4" aria-hidden />
      {t("markAllRead")}
    </Button>
  );
}
