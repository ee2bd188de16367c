"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZApproveWeedingList } from "@/server/domain/archive/weeding.schema";
import type { WeedingAction } from "@/server/domain/archive/weeding.machine";

/**
 * The buttons of a list's current state that this user's roles allow (the server decides again).
 * Reject and void need a reason: the server's field message lands on the comment box.
 */
export function WeedingActions({ listId, actions }: { listId: string; actions: WeedingAction[] }) {
  const t = useTranslations("weeding");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const form = useZodForm(ZApproveWeedingList, { listId, comment: "" });
  const onError = (e: Parameters<typeof showServerError>[1]) => showServerError(form, e);
  const submit = useMutation(trpc.archive.weeding.submit.mutationOptions({ onSuccess: () => refresh(t("submitted")), onError }));
  const execute = useMutation(trpc.archive.weeding.execute.mutationOptions({ onSuccess: (r) => refresh(t("executed", { count: r.recordCount })), onError }));
  const approve = useMutation(trpc.archive.weeding.approve.mutationOptions({ onSuccess: (r) => refresh(t("approved", { count: r.recordCount })), onError }));
  const reject = useMutation(trpc.archive.weeding.reject.mutationOptions({ onSuccess: () => refresh(t("rejected")), onError }));
  const voidList = useMutation(trpc.archive.weeding.void.mutationOptions({ onSuccess: () => refresh(t("voided")), onError }));
  const busy = !hydrated || [submit, execute, approve, reject, voidList].some((m) => m.isPending);
  const comment = () => form.getValues("comment") ?? "";
  const needsComment = actions.some((a) => a === "approve" || a === "reject" || a === "void");

  return (
    <form onSubmit={(e) => e.preventDefault()} className="space-y-3" noValidate>
      {needsComment && (
        <Field label={t("comment")} htmlFor="weedingComment" error={form.errorOf("comment")}>
          <Input id="weedingComment" placeholder={t("commentPlaceholder")} {...form.register("comment")} aria-invalid={!!form.errorOf("comment")} />
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.includes("approve") && (
          <Button disabled={busy} onClick={form.handleSubmit((v) => approve.mutate(v))}>
            {t("approve")}
          </Button>
        )}
        {actions.includes("reject") && (
          <Button variant="danger" disabled={busy} onClick={() => reject.mutate({ listId, comment: comment() })}>
            {t("reject")}
          </Button>
        )}
        {actions.includes("submit") && (
          <Button disabled={busy} onClick={() => submit.mutate({ listId })}>
            {t("submit")}
          </Button>
        )}
        {actions.includes("execute") && (
          <Button disabled={busy} onClick={() => execute.mutate({ listId })}>
            {t("execute")}
          </Button>
        )}
        {actions.includes("void") && (
          <Button variant="danger" disabled={busy} onClick={() => voidList.mutate({ listId, comment: comment() })}>
            {t("void")}
          </Button>
        )}
      </div>
    </form>
  );
}
