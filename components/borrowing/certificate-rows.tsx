"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { formatShanghai } from "@/server/domain/time";
import type { HandoutView } from "@/server/domain/borrowing/certificates.service";
import { CertificateActions } from "./certificate-actions";

/** The fields a 领取登记簿 row shows (the page picks them; nothing else goes into the page data). */
export type CertificateRow = Pick<
  HandoutView,
  | "id"
  | "handoutNo"
  | "unitLabel"
  | "certificateNo"
  | "ownerName"
  | "ownerIdMasked"
  | "recipientKind"
  | "recipientName"
  | "recipientIdMasked"
  | "powerOfAttorney"
  | "handedBy"
  | "handedAt"
  | "confirmedAt"
  | "voidedAt"
  | "voidedBy"
  | "voidReason"
>;

/**
 * The hand-out book's rows, rendered from their fields: a server-rendered row went out twice
 * (HTML and its element tree in the page data), a client row's page data is its fields only.
 * Inside a dense Table. `actions` is the server's reading of the clerk role; the procedures check it again.
 */
export function CertificateRows({ rows, actions }: { rows: CertificateRow[]; actions: boolean }) {
  const t = useTranslations("certificates");
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((h) => (
        <tr key={h.id} className={h.voidedAt ? "bg-slate-50/60 text-slate-400" : undefined} data-testid="handout-row">
          <Td>
            <Link href={`/borrowing/certificates/${h.id}`} className={h.voidedAt ? "font-mono text-xs text-slate-500 line-through hover:underline" : "cell-link"}>
              {h.handoutNo}
            </Link>
          </Td>
          <Td>{h.unitLabel}</Td>
          <Td className="max-w-[11rem] truncate text-xs" title={h.certificateNo}>
            {h.certificateNo}
          </Td>
          <Td>
            <div>{h.ownerName}</div>
            <div className="cell-recno">{h.ownerIdMasked}</div>
          </Td>
          <Td>
            <div className="flex items-center gap-1.5">
              {h.recipientName}
              <Tag tone={h.recipientKind === "agent" ? "violet" : "grey"}>{h.recipientKind === "agent" ? t("byAgent") : t("byOwner")}</Tag>
            </div>
            <div className="cell-recno">{h.recipientIdMasked}</div>
            {h.powerOfAttorney && (
              <div className="max-w-[11rem] truncate text-xs text-slate-500" title={h.powerOfAttorney}>
                {t("poa", { ref: h.powerOfAttorney })}
              </div>
            )}
          </Td>
          <Td>
            <div>{h.handedBy}</div>
            <div className="text-xs tabular-nums text-slate-500">{formatShanghai(h.handedAt)}</div>
          </Td>
          <Td className="text-xs">
            {h.voidedAt ? (
              <div className="max-w-[12rem] whitespace-normal">
                <Tag tone="grey">{t("stateVoided")}</Tag>
                <div className="mt-1">{t("voidedInfo", { by: h.voidedBy ?? "", at: formatShanghai(h.voidedAt), reason: h.voidReason ?? "" })}</div>
              </div>
            ) : h.confirmedAt ? (
              <Tag tone="green">{t("confirmedAt", { at: formatShanghai(h.confirmedAt, "MM-dd HH:mm") })}</Tag>
            ) : (
              <Tag tone="amber">{t("notConfirmed")}</Tag>
            )}
          </Td>
          {actions && <Td>{!h.voidedAt && <CertificateActions handoutId={h.id} handoutNo={h.handoutNo} confirmed={!!h.confirmedAt} />}</Td>}
        </tr>
      ))}
    </tbody>
  );
}
