"use client";

import { createContext, useContext, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { Ban, PenLine } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZVoidHandout } from "@/server/domain/borrowing/certificate.schema";

const VoidContext = createContext<((handoutId: string, handoutNo: string) => void) | null>(null);

/**
 * One 作废 dialog for a whole 领取登记簿 (a dialog per row put 50 forms into every page): the rows'
 * buttons open it for their hand-out. The server checks the role and the state again.
 */
export function VoidHandoutScope({ children }: { children: ReactNode }) {
  const t = useTranslations("certificates");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const refresh = useRefreshWith();
  const dialog = useRef<HTMLDialogElement>(null);
  const [handoutNo, setHandoutNo] = useState("");
  const form = useZodForm(ZVoidHandout, { handoutId: "", reason: "" });
  const voidIt = useMutation(
    trpc.borrowing.certificates.void.mutationOptions({
      onSuccess: (h) => {
        dialog.current?.close();
        refresh(t("voidDone", { handoutNo: h.handoutNo }));
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const open = (handoutId: string, no: string) => {
    form.reset({ handoutId, reason: "" });
    setHandoutNo(no);
    dialog.current?.showModal();
  };
  return (
    <VoidContext.Provider value={open}>
      {children}
      <dialog ref={dialog} aria-labelledby="void-title" className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form onSubmit={form.handleSubmit((v) => voidIt.mutate(v))} className="space-y-3 p-5 text-left" noValidate>
          <h2 id="void-title" className="text-base font-semibold text-slate-900">
            {t("voidTitle", { handoutNo })}
          </h2>
          <p className="whitespace-normal text-sm text-slate-600">{t("voidHint")}</p>
          <Field label={t("voidReason")} htmlFor="void-reason" error={form.errorOf("reason")} required>
            <Input id="void-reason" {...form.register("reason")} aria-invalid={!!form.errorOf("reason")} maxLength={200} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {tc("cancel")}
            </Button>
            <SubmitButton pending={voidIt.isPending}>{t("voidSubmit")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </VoidContext.Provider>
  );
}

/** 确认签收 (when the slip was not signed at the desk) and 作废, for one hand-out, inside a VoidHandoutScope. */
export function CertificateActions({ handoutId, handoutNo, confirmed }: { handoutId: string; handoutNo: string; confirmed: boolean }) {
  const t = useTranslations("certificates");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const openVoid = useContext(VoidContext);
  if (!openVoid) throw new Error("CertificateActions must be inside a VoidHandoutScope");
  const confirm = useMutation(trpc.borrowing.certificates.confirm.mutationOptions({ onSuccess: (h) => refresh(t("confirmDone", { handoutNo: h.handoutNo })), onError: (e) => toast.error(e.message) }));
  return (
    <span className="inline-flex items-center gap-1.5">
      {!confirmed && (
        <Button size="sm" variant="secondary" disabled={!hydrated || confirm.isPending} aria-busy={confirm.isPending} onClick={() => confirm.mutate({ handoutId })}>
          <PenLine className="h-3.5 w-3.5" aria-hidden />
          {t("confirm")}
        </Button>
      )}
      <Button size="sm" variant="danger" disabled={!hydrated} onClick={() => openVoid(handoutId, handoutNo)}>
        <Ban className="h-3.5 w-3.5" aria-hidden />
        {t("void")}
      </Button>
    </span>
  );
}
