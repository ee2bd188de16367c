"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { formatShanghai } from "@/server/domain/time";
import type { RegisterRowView } from "./register-row-view";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag } from "./status-tag";

const day = (at: Date | null) => formatShanghai(at, "yyyy-MM-dd");

/**
 * The register's rows, rendered from their fields: a server-rendered row went out twice (HTML and
 * its element tree in the page data), a client row's page data is its fields only.
 */
export function RegisterRows({ rows }: { rows: RegisterRowView[] }) {
  const t = useTranslations("register");
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className={r.overdueDays > 0 ? "bg-red-50/40 hover:bg-red-50" : "hover:bg-slate-50"} data-testid="register-row">
          <Td className="whitespace-nowrap px-2 align-top">
            <Link href={`/borrowing/${r.id}`} className="font-mono text-xs text-brand-600 hover:underline">
              {r.requestNo}
            </Link>
            <div className="mt-1">
              <BorrowTypeTag type={r.borrowType} />
            </div>
          </Td>
          <Td className="whitespace-nowrap px-2 align-top">{r.borrower}</Td>
          <Td className="px-2 align-top">
            <ul className="space-y-0.5">
              {r.records.map((i) => (
                <li key={i.id} className="flex max-w-[17rem] items-baseline gap-1.5 text-xs">
                  <span className="whitespace-nowrap font-mono">{i.archiveNo}</span>
                  <span className={i.title ? "truncate text-slate-600" : "truncate italic text-slate-400"} title={i.title ?? t("secretTitle")}>
                    {i.title ?? t("secretTitle")}
                  </span>
                  {i.returnCheck === "incomplete" && (
                    <span className="whitespace-nowrap text-red-700" title={i.returnNote ?? undefined}>
                      {t("returnIncomplete")}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Td>
          <Td className="max-w-[8rem] truncate px-2 align-top text-xs" title={r.purpose}>
            {r.purpose}
          </Td>
          <Td className="px-2 align-top">
            <div className="flex flex-col items-start gap-1">
              <BorrowStatusTag status={r.status} />
              <OverdueTag days={r.overdueDays} />
              {r.returnedLate && <Tag tone="amber">{t("returnedLate")}</Tag>}
              {r.renewalCount > 0 && <Tag tone="blue">{`${t("colRenewals")} ${r.renewalCount}`}</Tag>}
              {r.renewalPending && <Tag tone="amber">{t("renewalPending")}</Tag>}
            </div>
          </Td>
          <Td className="whitespace-nowrap px-2 align-top text-xs">
            {r.approvedBy ? <div title={formatShanghai(r.approvedAt)}>{r.approvedBy}</div> : null}
            {r.secondApprovedBy ? <div className="text-slate-500" title={formatShanghai(r.secondApprovedAt)}>{t("secondApprover", { name: r.secondApprovedBy })}</div> : r.status === "pending_second" ? <div className="text-violet-700">{t("awaitingSecond")}</div> : null}
            {r.rejectedBy ? <div className="text-red-700" title={r.rejectComment ?? undefined}>{t("rejectedBy", { name: r.rejectedBy })}</div> : null}
            {!r.approvedBy && !r.rejectedBy && <span className="text-slate-400">—</span>}
          </Td>
          <Td className="whitespace-nowrap px-2 align-top text-xs tabular-nums" title={formatShanghai(r.requestedAt)}>
            {day(r.requestedAt)}
          </Td>
          <Td className="whitespace-nowrap px-2 align-top text-xs tabular-nums">
            {r.lentAt ? (
              <div title={formatShanghai(r.lentAt)}>
                {day(r.lentAt)}
                <span className={r.receivedAt ? "ml-1 text-slate-400" : "ml-1 text-amber-700"} title={r.receivedAt ? formatShanghai(r.receivedAt) : undefined}>
                  {r.receivedAt ? t("received") : t("notReceivedShort")}
                </span>
              </div>
            ) : (
              <div className="text-slate-400">—</div>
            )}
            <div className={r.overdueDays > 0 ? "font-medium text-red-700" : "text-slate-500"}>
              {t("dueShort", { day: r.dueOn })}
            </div>
          </Td>
          <Td className="whitespace-nowrap px-2 align-top text-xs tabular-nums">
            {r.returnedAt ? (
              <>
                <div title={formatShanghai(r.returnedAt)}>{day(r.returnedAt)}</div>
                {r.returnedState === "incomplete" ? <Tag tone="red">{t("returnIncomplete")}</Tag> : <Tag tone="green">{t("returnComplete")}</Tag>}
              </>
            ) : (
              <span className="text-slate-400">—</span>
            )}
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
