"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { formatShanghai } from "@/server/domain/time";
import type { BorrowStatus, BorrowType } from "@/server/db/generated/client";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag, SecretTag } from "./status-tag";
import { RecordList } from "./request-sort-header";
import { RenewalDecisionButtons } from "./decision-buttons";

/** The fields a 续借 row of the inbox shows. */
export type RenewalRow = {
  id: string;
  requestId: string;
  requestNo: string;
  renewalCount: number;
  requester: string;
  records: { archiveNo: string; title: string }[];
  previousDueOn: string;
  overdueDays: number;
  newDueOn: string;
  reason: string;
  requestedAt: Date;
};

/** The fields a 我已审批 row shows. */
export type DecidedRow = {
  id: string;
  requestNo: string;
  requester: string;
  records: { archiveNo: string; title: string }[];
  borrowType: BorrowType;
  dueOn: string;
  status: BorrowStatus;
  needsSecondApproval: boolean;
  deciders: string;
  comment: string | null;
  decidedAt: Date | null;
};

// Rendered from their fields: a server-rendered row went out twice (HTML and its element tree in
// the page data), a client row's page data is its fields only.

export function RenewalRows({ rows }: { rows: RenewalRow[] }) {
  const t = useTranslations("borrowApprovals");
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((n) => (
        <tr key={n.id} data-testid="renewal-row">
          <Td className="whitespace-nowrap font-mono text-xs">
            <Link href={`/borrowing/${n.requestId}`} className="cell-link">
              {n.requestNo}
            </Link>
            {n.renewalCount > 0 && <div className="font-sans text-slate-500">{t("renewalCount", { count: n.renewalCount })}</div>}
          </Td>
          <Td className="whitespace-nowrap">{n.requester}</Td>
          <Td>
            <RecordList records={n.records} />
          </Td>
          <Td className="whitespace-nowrap tabular-nums">
            {n.previousDueOn} <OverdueTag days={n.overdueDays} />
          </Td>
          <Td className="whitespace-nowrap tabular-nums font-medium">{n.newDueOn}</Td>
          <Td className="max-w-56 truncate" title={n.reason}>
            {n.reason}
          </Td>
          <Td className="cell-time">{formatShanghai(n.requestedAt)}</Td>
          <Td className="min-w-48">
            <RenewalDecisionButtons renewalId={n.id} requestNo={n.requestNo} />
          </Td>
        </tr>
      ))}
    </tbody>
  );
}

export function DecidedRows({ rows }: { rows: DecidedRow[] }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className="hover:bg-slate-50">
          <Td className="whitespace-nowrap">
            <Link href={`/borrowing/${r.id}`} className="cell-link">
              {r.requestNo}
            </Link>
          </Td>
          <Td className="whitespace-nowrap">{r.requester}</Td>
          <Td>
            <RecordList records={r.records} />
          </Td>
          <Td>
            <BorrowTypeTag type={r.borrowType} />
          </Td>
          <Td className="whitespace-nowrap tabular-nums">{r.dueOn}</Td>
          <Td>
            <div className="flex gap-1">
              <BorrowStatusTag status={r.status} />
              {r.needsSecondApproval && <SecretTag />}
            </div>
          </Td>
          <Td className="whitespace-nowrap text-xs">{r.deciders || "—"}</Td>
          <Td className="max-w-56 truncate text-xs" title={r.comment ?? ""}>
            {r.comment || "—"}
          </Td>
          <Td className="cell-time">{formatShanghai(r.decidedAt) || "—"}</Td>
        </tr>
      ))}
    </tbody>
  );
}
