"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { formatShanghai } from "@/server/domain/time";
import type { BorrowStatus, BorrowType } from "@/server/db/generated/client";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag, SecretTag } from "./status-tag";
import { RecordList } from "./request-sort-header";
import { WithdrawButton } from "./decision-buttons";

/** The fields a 我的借阅 row shows (the page picks them; nothing else goes into the page data). */
export type MySlipRow = {
  id: string;
  requestNo: string;
  records: { archiveNo: string; title: string }[];
  borrowType: BorrowType;
  purpose: string;
  dueOn: string;
  overdueDays: number;
  status: BorrowStatus;
  needsSecondApproval: boolean;
  pendingRenewalDueOn: string | null;
  renewalCount: number;
  rejectedBy: string | null;
  approvedBy: string | null;
  comment: string | null;
  createdAt: Date;
  canWithdraw: boolean;
};

/**
 * 我的借阅's rows, rendered from their fields: a server-rendered row went out twice (HTML and its
 * element tree in the page data), a client row's page data is its fields only.
 */
export function MySlipRows({ rows }: { rows: MySlipRow[] }) {
  const t = useTranslations("borrowMine");
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className="hover:bg-slate-50" data-testid="my-slip">
          <Td className="whitespace-nowrap">
            <Link href={`/borrowing/${r.id}`} className="cell-link">
              {r.requestNo}
            </Link>
          </Td>
          <Td>
            <RecordList records={r.records} width="max-w-52" />
          </Td>
          <Td>
            <BorrowTypeTag type={r.borrowType} />
          </Td>
          <Td className="max-w-40 truncate" title={r.purpose}>
            {r.purpose}
          </Td>
          <Td className="whitespace-nowrap tabular-nums">
            {r.dueOn}
            {r.overdueDays > 0 && (
              <span className="ml-1">
                <OverdueTag days={r.overdueDays} />
              </span>
            )}
          </Td>
          <Td className="max-w-48 space-y-1">
            <div className="flex flex-wrap gap-1">
              <BorrowStatusTag status={r.status} />
              {r.needsSecondApproval && <SecretTag />}
            </div>
            {r.pendingRenewalDueOn && <Tag tone="amber">{t("renewalPending", { day: r.pendingRenewalDueOn })}</Tag>}
            {r.renewalCount > 0 && <div className="text-xs text-slate-500">{t("renewedTimes", { count: r.renewalCount })}</div>}
            {r.status === "rejected" && r.rejectedBy ? (
              <div className="truncate text-xs text-red-700" title={r.comment ?? ""}>
                {t("rejectedBy", { name: r.rejectedBy, comment: r.comment ?? "" })}
              </div>
            ) : (
              r.approvedBy && <div className="truncate text-xs text-slate-500">{t("approvedBy", { name: r.approvedBy })}</div>
            )}
          </Td>
          <Td className="cell-time">{formatShanghai(r.createdAt)}</Td>
          <Td>{r.canWithdraw ? <WithdrawButton requestId={r.id} requestNo={r.requestNo} /> : null}</Td>
        </tr>
      ))}
    </tbody>
  );
}
