"use client";

import { useState } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { AlertTriangle, CheckCheck } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Td, Th } from "@/components/ui/table";
import type { BorrowStatus, BorrowType } from "@/server/db/generated/client";
import { BorrowTypeTag, SecretTag } from "./status-tag";
import { DecisionButtons } from "./decision-buttons";

/**
 * The fields a 待我审批 row shows, as few bytes as it takes (the page data of a client row is
 * these fields): `createdAt` as the Shanghai time the row prints, and a flag or name that is not
 * there left out rather than sent as false/null.
 */
export type InboxRow = {
  id: string;
  requestNo: string;
  requester: string;
  borrowType: BorrowType;
  purpose: string;
  status: BorrowStatus;
  dueOn: string;
  createdAt: string;
  approvedBy?: string;
  action?: "approve" | "secondApprove";
  /** `secret`: a 机密 record; `heldBy`: the slip that holds it now. */
  records: { archiveNo: string; title: string; secret?: true; heldBy?: string }[];
};

type Failure = { requestId: string; requestNo: string | null; message: string };

/**
 * 待我审批: each row approves or rejects on its own; ticked rows are approved together, each in
 * its own transaction, and whatever failed stays listed with the reason until dismissed.
 */
export function ApprovalTable({ rows, sortHeaders }: { rows: InboxRow[]; sortHeaders: { requestNo: React.ReactNode; dueOn: React.ReactNode; createdAt: React.ReactNode } }) {
  const t = useTranslations("borrowApprovals");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState("");
  const [failures, setFailures] = useState<Failure[]>([]);
  const bulk = useMutation(
    trpc.borrowing.requests.bulkApprove.mutationOptions({
      onSuccess: (r) => {
        setFailures(r.failed);
        setSelected(new Set());
        if (r.failed.length) toast.warning(t("bulkPartial", { done: r.done.length, failed: r.failed.length }));
        else toast.success(t("bulkResult", { done: r.done.length }));
        router.refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const ids = rows.filter((r) => r.action).map((r) => r.id);
  const live = [...selected].filter((id) => ids.includes(id));
  const allTicked = ids.length > 0 && live.length === ids.length;
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="space-y-3">
      {failures.length > 0 && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" data-testid="bulk-failures">
          <div className="flex items-center justify-between gap-2">
            <p className="flex items-center gap-1.5 font-medium">
              <AlertTriangle className="h-4 w-4" aria-hidden />
              {t("bulkFailedTitle")}
            </p>
            <Button size="sm" variant="ghost" onClick={() => setFailures([])}>
              {t("dismiss")}
            </Button>
          </div>
          <ul className="mt-1 list-disc space-y-0.5 pl-6">
            {failures.map((f) => (
              <li key={f.requestId}>
                <span className="font-mono text-xs">{f.requestNo ?? f.requestId}</span>：{f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200">
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={allTicked} disabled={!hydrated || ids.length === 0} onChange={() => setSelected(allTicked ? new Set() : new Set(ids))} />
          {t("selectAll")}
        </label>
        <Input aria-label={t("bulkComment")} placeholder={t("bulkComment")} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={200} className="h-8 w-64" />
        <Button size="sm" disabled={!hydrated || live.length === 0 || bulk.isPending} onClick={() => bulk.mutate({ requestIds: live, comment: comment.trim() || undefined })}>
          <CheckCheck className="h-4 w-4" aria-hidden />
          {t("bulkApprove", { count: live.length })}
        </Button>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="tbl min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr>
              <Th className="w-8">
                <span className="sr-only">{t("colSelect")}</span>
              </Th>
              {sortHeaders.requestNo}
              <Th>{t("colRequester")}</Th>
              <Th>{t("colRecords")}</Th>
              <Th>{t("colType")}</Th>
              <Th>{t("colPurpose")}</Th>
              {sortHeaders.dueOn}
              <Th>{t("colStage")}</Th>
              {sortHeaders.createdAt}
              <Th>{t("colActions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} className={selected.has(r.id) ? "bg-brand-50/40" : "hover:bg-slate-50"} data-testid="inbox-row">
                <Td>
                  {r.action && (
                    <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={selected.has(r.id)} disabled={!hydrated} onChange={() => toggle(r.id)} aria-label={t("selectRow", { requestNo: r.requestNo })} />
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  <Link href={`/borrowing/${r.id}`} className="cell-link">
                    {r.requestNo}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{r.requester}</Td>
                <Td>
                  <ul className="space-y-0.5">
                    {r.records.map((rec) => (
                      <li key={rec.archiveNo} className="max-w-64">
                        <div className="truncate" title={`${rec.archiveNo} ${rec.title}`}>
                          <span className="cell-recno">{rec.archiveNo}</span>
                          {` ${rec.title} `}
                          {rec.secret && <SecretTag />}
                        </div>
                        {rec.heldBy && <div className="text-xs text-amber-700">{t("heldWarning", { archiveNo: rec.archiveNo, requestNo: rec.heldBy })}</div>}
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>
                  <BorrowTypeTag type={r.borrowType} />
                </Td>
                <Td className="max-w-48 truncate" title={r.purpose}>
                  {r.purpose}
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{r.dueOn}</Td>
                <Td className="whitespace-nowrap text-xs">
                  {r.status === "pending_second" ? (
                    <>
                      <span className="font-medium text-violet-700">{t("stageSecond")}</span>
                      {r.approvedBy && <div className="text-slate-500">{t("stageSecondBy", { name: r.approvedBy })}</div>}
                    </>
                  ) : (
                    t("stageFirst")
                  )}
                </Td>
                <Td className="cell-time">{r.createdAt}</Td>
                <Td className="min-w-40">{r.action && <DecisionButtons requestId={r.id} requestNo={r.requestNo} actions={[r.action, "reject"]} />}</Td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
