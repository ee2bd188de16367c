"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatShanghai } from "@/server/domain/time";
import type { BorrowStatus, BorrowType } from "@/server/db/generated/client";
import type { DeskView } from "@/server/domain/borrowing/loan.schema";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag } from "./status-tag";
import { LendButton } from "./lend-button";

/** The fields a 借还登记 row shows: the first records only, and how many there are in all. */
export type DeskRow = {
  id: string;
  requestNo: string;
  borrower: string;
  records: { archiveNo: string; title: string; location: string | null }[];
  recordCount: number;
  borrowType: BorrowType;
  dueOn: string;
  overdue: boolean;
  daysOverdue: number;
  approvedAt: Date | null;
  lentAt: Date | null;
  returnedAt: Date | null;
  status: BorrowStatus;
  receivedAt: Date | null;
  pendingRenewal: boolean;
  incompleteCount: number;
};

/**
 * The desk's rows, rendered from their fields: a server-rendered row went out twice (HTML and its
 * element tree in the page data), a client row's page data is its fields only.
 */
export function DeskRows({ rows, view }: { rows: DeskRow[]; view: DeskView }) {
  const t = useTranslations("loans");
  const onLoan = view === "onLoan" || view === "overdue";
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className={cn("align-top hover:bg-slate-50", r.overdue && "bg-red-50/40")} data-testid={`desk-row-${r.requestNo}`}>
          <Td className="whitespace-nowrap">
            <Link href={`/borrowing/${r.id}`} className="cell-link">
              {r.requestNo}
            </Link>
          </Td>
          <Td className="whitespace-nowrap">{r.borrower}</Td>
          <Td>
            <ul className="max-w-72 space-y-0.5">
              {r.records.map((rec) => (
                <li key={rec.archiveNo} className="truncate" title={`${rec.archiveNo} ${rec.title}`}>
                  <span className="font-mono text-xs">{rec.archiveNo}</span> <span className="text-slate-600">{rec.title}</span>
                </li>
              ))}
              {r.recordCount > r.records.length && <li className="text-xs text-slate-500">{t("recordsMore", { count: r.recordCount })}</li>}
            </ul>
          </Td>
          {view === "waiting" && (
            <Td className="whitespace-nowrap">
              {/* Where to fetch each file from before handing it over. */}
              <ul className="space-y-0.5 font-mono text-xs">
                {r.records.map((rec) => (
                  <li key={rec.archiveNo}>{rec.location ?? "—"}</li>
                ))}
              </ul>
            </Td>
          )}
          <Td>
            <BorrowTypeTag type={r.borrowType} />
          </Td>
          <Td className="whitespace-nowrap tabular-nums">
            {r.dueOn}
            {r.overdue && (
              <span className="mt-0.5 block">
                <OverdueTag days={r.daysOverdue} />
              </span>
            )}
          </Td>
          {view === "waiting" && <Td className="whitespace-nowrap tabular-nums">{formatShanghai(r.approvedAt) || "—"}</Td>}
          {onLoan && <Td className="whitespace-nowrap tabular-nums">{formatShanghai(r.lentAt) || "—"}</Td>}
          {view === "returnedToday" && <Td className="whitespace-nowrap tabular-nums">{formatShanghai(r.returnedAt)}</Td>}
          <Td>
            <span className="cell-tags">
              <BorrowStatusTag status={r.status} />
              {onLoan && (r.receivedAt ? <Tag tone="green">{t("received")}</Tag> : <Tag tone="amber">{t("notReceived")}</Tag>)}
              {r.pendingRenewal && <Tag tone="amber">{t("renewalPending")}</Tag>}
              {view === "returnedToday" && (r.incompleteCount > 0 ? <Tag tone="red">{t("incompleteCount", { count: r.incompleteCount })}</Tag> : <Tag tone="green">{t("allComplete")}</Tag>)}
            </span>
          </Td>
          <Td className="whitespace-nowrap">
            {r.status === "approved" ? (
              <LendButton requestId={r.id} requestNo={r.requestNo} borrower={r.borrower} count={r.recordCount} />
            ) : r.status === "lent" || r.status === "renewed" ? (
              <LinkButton href={`/borrowing/${r.id}`} size="sm" variant="secondary">
                {t("returnCheck")}
              </LinkButton>
            ) : (
              <LinkButton href={`/borrowing/${r.id}`} size="sm" variant="ghost">
                {t("open")}
              </LinkButton>
            )}
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
