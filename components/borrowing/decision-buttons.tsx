"use client";

import { useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useRefreshWith } from "@/components/admin/use-admin-mutation";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

type ServerError = { message: string; data?: { fieldErrors?: Record<string, string> | null } | null };
export type DecisionAction = "approve" | "secondApprove" | "reject";

/**
 * A reason box that opens in place (驳回 needs one): Enter confirms, Escape closes. The server's
 * field message for the comment shows under it.
 */
function ReasonBox({ id, label, busy, error, onConfirm, onCancel, confirmLabel }: { id: string; label: string; busy: boolean; error?: string; onConfirm: (v: string) => void; onCancel: () => void; confirmLabel: string }) {
  const t = useTranslations("borrowDecision");
  const [value, setValue] = useState("");
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      onConfirm(value);
    } else if (e.key === "Escape") onCancel();
  };
  return (
    <div className="flex flex-wrap items-start gap-2">
      <div className="min-w-48 flex-1">
        <Input id={id} aria-label={label} placeholder={t("reasonPlaceholder")} value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={onKey} autoFocus aria-invalid={!!error} className="h-8" />
        {error && (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        )}
      </div>
      <Button size="sm" variant="danger" disabled={busy} onClick={() => onConfirm(value)}>
        {confirmLabel}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        {t("cancel")}
      </Button>
    </div>
  );
}

/**
 * 批准 / 复核 / 驳回 for one 借出单 (the inbox rows and the slip page). Which buttons show is the
 * caller's reading of the status; the server decides again (roles, never one's own request, a
 * second approver other than the first).
 */
export function DecisionButtons({ requestId, requestNo, actions, withComment = false }: { requestId: string; requestNo: string; actions: readonly DecisionAction[]; withComment?: boolean }) {
  const t = useTranslations("borrowDecision");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const onError = (e: ServerError) => {
    setFieldError(e.data?.fieldErrors?.comment);
    toast.error(e.message);
  };
  const approve = useMutation(trpc.borrowing.requests.approve.mutationOptions({ onSuccess: (r) => refresh(t(r.status === "pending_second" ? "pendingSecond" : "approved", { requestNo })), onError }));
  const second = useMutation(trpc.borrowing.requests.secondApprove.mutationOptions({ onSuccess: () => refresh(t("secondApproved", { requestNo })), onError }));
  const reject = useMutation(trpc.borrowing.requests.reject.mutationOptions({ onSuccess: () => refresh(t("rejected", { requestNo })), onError }));
  const busy = !hydrated || approve.isPending || second.isPending || reject.isPending;
  const note = comment.trim() || undefined;

  if (rejecting) {
    return (
      <ReasonBox
        id={`reject-${requestId}`}
        label={t("rejectReason", { requestNo })}
        busy={busy}
        error={fieldError}
        confirmLabel={t("confirmReject")}
        onConfirm={(v) => reject.mutate({ requestId, comment: v })}
        onCancel={() => {
          setRejecting(false);
          setFieldError(undefined);
        }}
      />
    );
  }
  return (
    <div className="space-y-2">
      {withComment && (actions.includes("approve") || actions.includes("secondApprove")) && (
        <Input aria-label={t("comment")} placeholder={t("commentPlaceholder")} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={200} />
      )}
      <div className="flex flex-wrap gap-2">
        {actions.includes("approve") && (
          <Button size="sm" disabled={busy} onClick={() => approve.mutate({ requestId, comment: note })} aria-label={t("approveOne", { requestNo })}>
            {t("approve")}
          </Button>
        )}
        {actions.includes("secondApprove") && (
          <Button size="sm" disabled={busy} onClick={() => second.mutate({ requestId, comment: note })} aria-label={t("secondApproveOne", { requestNo })}>
            {t("secondApprove")}
          </Button>
        )}
        {actions.includes("reject") && (
          <Button size="sm" variant="danger" disabled={busy} onClick={() => setRejecting(true)} aria-label={t("rejectOne", { requestNo })}>
            {t("reject")}
          </Button>
        )}
      </div>
    </div>
  );
}

/** 撤回 (the borrower, before lending): asks once more, then releases any reserved records. */
export function WithdrawButton({ requestId, requestNo }: { requestId: string; requestNo: string }) {
  const t = useTranslations("borrowDecision");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const [asking, setAsking] = useState(false);
  const withdraw = useMutation(trpc.borrowing.requests.withdraw.mutationOptions({ onSuccess: () => refresh(t("withdrawn", { requestNo })), onError: (e) => toast.error(e.message) }));
  if (!asking) {
    return (
      <Button size="sm" variant="secondary" disabled={!hydrated} onClick={() => setAsking(true)} aria-label={t("withdrawOne", { requestNo })}>
        {t("withdraw")}
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={t("withdrawOne", { requestNo })}>
      <span className="text-xs text-slate-600">{t("withdrawConfirm")}</span>
      <Button size="sm" variant="danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate({ requestId })} autoFocus>
        {t("confirmWithdraw")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
        {t("cancel")}
      </Button>
    </span>
  );
}

/** 续借 decision: approve (the due day moves) or reject with a reason. */
export function RenewalDecisionButtons({ renewalId, requestNo }: { renewalId: string; requestNo: string }) {
  const t = useTranslations("borrowDecision");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const refresh = useRefreshWith();
  const [rejecting, setRejecting] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const onError = (e: ServerError) => {
    setFieldError(e.data?.fieldErrors?.comment);
    toast.error(e.message);
  };
  const approve = useMutation(trpc.borrowing.requests.approveRenewal.mutationOptions({ onSuccess: (r) => refresh(t("renewalApproved", { requestNo, dueOn: r.dueOn })), onError }));
  const reject = useMutation(trpc.borrowing.requests.rejectRenewal.mutationOptions({ onSuccess: () => refresh(t("renewalRejected", { requestNo })), onError }));
  const busy = !hydrated || approve.isPending || reject.isPending;
  if (rejecting) {
    return (
      <ReasonBox
        id={`reject-renewal-${renewalId}`}
        label={t("rejectRenewalReason", { requestNo })}
        busy={busy}
        error={fieldError}
        confirmLabel={t("confirmReject")}
        onConfirm={(v) => reject.mutate({ renewalId, comment: v })}
        onCancel={() => {
          setRejecting(false);
          setFieldError(undefined);
        }}
      />
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" disabled={busy} onClick={() => approve.mutate({ renewalId })} aria-label={t("approveRenewalOne", { requestNo })}>
        {t("approveRenewal")}
      </Button>
      <Button size="sm" variant="danger" disabled={busy} onClick={() => setRejecting(true)} aria-label={t("rejectRenewalOne", { requestNo })}>
        {t("reject")}
      </Button>
    </div>
  );
}
