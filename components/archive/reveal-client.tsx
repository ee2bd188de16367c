"use client";

import { createContext, useContext, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZRevealClient } from "@/server/domain/archive/search.schema";

type Revealed = { idNumber: string | null; phone: string | null };
type Scope = { revealed: Record<string, Revealed>; open: (clientId: string) => void; hide: (clientId: string) => void };
const RevealContext = createContext<Scope | null>(null);

/**
 * One 查看 dialog for a whole table (a dialog per row put 50 forms into every page): the rows'
 * buttons open it for their client. The full values come from the server only after a reason is
 * given, and that reveal is in the audit log (004 第二十三条). Only offer it to PII_REVEALERS;
 * the procedure refuses everyone else anyway.
 */
export function RevealClientScope({ children }: { children: ReactNode }) {
  const t = useTranslations("reveal");
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const [revealed, setRevealed] = useState<Record<string, Revealed>>({});
  const form = useZodForm(ZRevealClient, { clientId: "", reason: "" });
  const reveal = useMutation(
    trpc.archive.search.revealClient.mutationOptions({
      onSuccess: (v, input) => {
        setRevealed((prev) => ({ ...prev, [input.clientId]: v }));
        form.reset({ clientId: "", reason: "" });
        dialog.current?.close();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const scope: Scope = {
    revealed,
    open: (clientId) => {
      form.reset({ clientId, reason: "" });
      dialog.current?.showModal();
    },
    hide: (clientId) =>
      setRevealed((prev) => {
        const { [clientId]: _gone, ...rest } = prev;
        return rest;
      }),
  };
  return (
    <RevealContext.Provider value={scope}>
      {children}
      <dialog ref={dialog} aria-labelledby="reveal-title" className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form onSubmit={form.handleSubmit((v) => reveal.mutate(v))} className="space-y-3 p-5" noValidate>
          <h2 id="reveal-title" className="text-base font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <Field label={t("reason")} htmlFor="reveal-reason" error={form.errorOf("reason")} required>
            <Input id="reveal-reason" placeholder={t("reasonPlaceholder")} {...form.register("reason")} aria-invalid={!!form.errorOf("reason")} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <SubmitButton pending={reveal.isPending}>{t("confirm")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </RevealContext.Provider>
  );
}

/** The masked ID number (or phone) with a 查看 button that opens its scope's dialog. */
export function RevealClient({ clientId, masked }: { clientId: string; masked: string }) {
  const t = useTranslations("reveal");
  const scope = useContext(RevealContext);
  if (!scope) throw new Error("RevealClient must be inside a RevealClientScope");
  const full = scope.revealed[clientId];

  if (full) {
    return (
      <span className="inline-flex flex-wrap items-center gap-2" data-testid="revealed-client">
        {full.idNumber && (
          <span>
            <span className="text-xs text-slate-500">{t("idNumber")} </span>
            <span className="font-mono">{full.idNumber}</span>
          </span>
        )}
        {full.phone && (
          <span>
            <span className="text-xs text-slate-500">{t("phone")} </span>
            <span className="font-mono">{full.phone}</span>
          </span>
        )}
        <Button size="sm" variant="ghost" onClick={() => scope.hide(clientId)}>
          {t("hide")}
        </Button>
      </span>
    );
  }

  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-mono">{masked || "—"}</span>
      <Button size="sm" variant="secondary" onClick={() => scope.open(clientId)}>
        {t("view")}
      </Button>
    </span>
  );
}
