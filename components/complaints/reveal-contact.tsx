"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";

/** The masked number, and the full one on request (a logged action) for calling back. */
export function RevealContact({ complaintId, masked, canReveal }: { complaintId: string; masked: string; canReveal: boolean }) {
  const t = useTranslations("complaints");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const [full, setFull] = useState<string | null>(null);
  const reveal = useMutation(trpc.complaints.revealContact.mutationOptions({ onSuccess: (r) => setFull(r.contactPhone), onError: (e) => toast.error(e.message) }));
  return (
    <span className="inline-flex items-center gap-2">
      <span className="tabular-nums" data-testid="contact-phone">{full ?? masked}</span>
      {canReveal && !full && masked && (
        <button type="button" disabled={!hydrated || reveal.isPending} className="text-xs text-brand-600 underline disabled:text-slate-400" onClick={() => reveal.mutate({ complaintId })}>
          {t("reveal")}
        </button>
      )}
    </span>
  );
}
