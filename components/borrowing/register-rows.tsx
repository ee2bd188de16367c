"use client";

import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import type { RegisterRowLabels, RegisterRowView } from "./register-row-view";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag } from "./status-tag";

/** The day of a "yyyy-MM-dd HH:mm" the server formatted. */
const day = (at: string) => at.slice(0, 10);

/**
 * The register's rows, rendered from their fields: a server-rendered row went out twice (HTML and
 * its element tree in the page data), a client row's page data is its fields only. Inside a
 * dense Table (`.tbl-dense`: cells px-2, top-aligned, on one line).
 */
/** The row strings come from the server (the page ships no register catalogue); "{name}"/"{day}" are filled here. */
export function RegisterRows({ rows, labels }: { rows: RegisterRowView[]; labels: RegisterRowLabels }) {
  const t = (key: keyof RegisterRowLabels, params: Record<string, string> = {}) => labels[key].replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
  return (
    // One test id on the body, not fifty on the rows (the page is weighed at 50 rows).
    <tbody className="divide-y divide-slate-100" data-testid="register-rows">
      {rows.map((r) => (
        <tr key={r.id} className={r.overdueDays ? "bg-red-50/40 hover:bg-red-50" : undefined}>
          <Td>
            <Link href={`/borrowing/${r.id}`} className="cell-link">
              {r.requestNo}
            </Link>
            <BorrowTypeTag type={r.borrowType} below />
          </Td>
          <Td>{r.borrower}</Td>
          <Td>
            <ul className="cell-files">
              {r.records.map((i) => (
                <li key={i.archiveNo} className="cell-file">
                  <span className="font-mono">{i.archiveNo}</span>
                  <span className={i.title ? "cell-ftitle" : "cell-ftitle italic text-slate-400"} title={i.title ?? t("secretTitle")}>
                    {i.title ?? t("secretTitle")}
                  </span>
                  {i.incomplete && (
                    <span className="text-red-700" title={i.note}>
                      {t("returnIncomplete")}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Td>
          <Td className="cell-purpose" title={r.purpose}>
            {r.purpose}
          </Td>
          <Td>
            <div className="cell-tags">
              <BorrowStatusTag status={r.status} />
              <OverdueTag days={r.overdueDays ?? 0} />
              {r.returnedLate && <Tag tone="amber">{t("returnedLate")}</Tag>}
              {r.renewalCount ? <Tag tone="blue">{`${t("colRenewals")} ${r.renewalCount}`}</Tag> : null}
              {r.renewalPending && <Tag tone="amber">{t("renewalPending")}</Tag>}
            </div>
          </Td>
          <Td className="text-xs">
            {r.approvedBy ? <div title={r.approvedAt}>{r.approvedBy}</div> : null}
            {r.secondApprovedBy ? <div className="text-slate-500" title={r.secondApprovedAt}>{t("secondApprover", { name: r.secondApprovedBy })}</div> : r.status === "pending_second" ? <div className="text-violet-700">{t("awaitingSecond")}</div> : null}
            {r.rejectedBy ? <div className="text-red-700" title={r.rejectComment}>{t("rejectedBy", { name: r.rejectedBy })}</div> : null}
            {!r.approvedBy && !r.rejectedBy && <span className="cell-none">—</span>}
          </Td>
          <Td className="cell-time">{day(r.requestedAt)}</Td>
          <Td className="cell-time">
            {r.lentAt ? (
              <div title={r.lentAt}>
                {day(r.lentAt)}
                <span className={r.receivedAt ? "ml-1 text-slate-400" : "ml-1 text-amber-700"} title={r.receivedAt}>
                  {r.receivedAt ? t("received") : t("notReceivedShort")}
                </span>
              </div>
            ) : (
              <div className="cell-none">—</div>
            )}
            <div className={r.overdueDays ? "font-medium text-red-700" : "text-slate-500"}>{t("dueShort", { day: r.dueOn })}</div>
          </Td>
          <Td className="cell-time">
            {r.returnedAt ? (
              <>
                <div title={r.returnedAt}>{day(r.returnedAt)}</div>
                {r.returnedIncomplete ? <Tag tone="red">{t("returnIncomplete")}</Tag> : <Tag tone="green">{t("returnComplete")}</Tag>}
              </>
            ) : (
              <span className="cell-none">—</span>
            )}
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
