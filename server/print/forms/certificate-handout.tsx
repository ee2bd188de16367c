import type { Db } from "../../db/client";
import { CERTIFICATE_READERS } from "../../domain/borrowing/borrow.policy";
import { getHandout, type HandoutView } from "../../domain/borrowing/certificates.service";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";

// 产权证领取确认单 (000 十 4, 002: 领取时严格验明身份并让其签字领取): which certificate of which
// unit went to whom, checked against which buyer, by whom; the recipient signs it. ID numbers
// and phones print masked, as everywhere outside the hand-out desk.

function HandoutBody({ doc: h, t }: { doc: HandoutView; t: PrintT }) {
  const k = (key: string) => t(`print.forms.certificateHandout.${key}` as never);
  const agent = h.recipientKind === "agent";
  return (
    <>
      {h.voidedAt && (
        <div className="pf-box pf-mark">
          {t("print.forms.certificateHandout.voided", { by: h.voidedBy ?? "—", at: formatShanghai(h.voidedAt), reason: h.voidReason ?? "" })}
        </div>
      )}
      <Fields
        rows={[
          [k("certificateNo"), h.certificateNo],
          [k("unit"), h.unitLabel],
          [k("owner"), h.ownerName],
          [k("ownerId"), h.ownerIdMasked],
          [k("recipientKind"), agent ? k("byAgent") : k("byOwner")],
          [k("recipient"), h.recipientName],
          [k("recipientId"), h.recipientIdMasked],
          [k("recipientPhone"), h.recipientPhoneMasked],
          ...(agent ? ([[k("powerOfAttorney"), h.powerOfAttorney]] as [string, string | null][]) : []),
          [k("handedBy"), h.handedBy],
          [k("handedAt"), formatShanghai(h.handedAt)],
          [k("confirmedAt"), h.confirmedAt ? formatShanghai(h.confirmedAt) : k("notConfirmed")],
        ]}
      />
      {h.remarks && (
        <div className="pf-box">
          <b>{k("remarks")}：</b>
          {h.remarks}
        </div>
      )}
      <div className="pf-box">{agent ? k("declarationAgent") : k("declarationOwner")}</div>
    </>
  );
}

export const certificateHandoutForm = definePrintForm<HandoutView>({
  key: "certificate-handout",
  roles: CERTIFICATE_READERS,
  entity: "CertificateHandout",
  async load(db: Db, _viewer, ids) {
    const out: HandoutView[] = [];
    for (const id of ids) out.push(await getHandout(db, id));
    return out;
  },
  idOf: (h) => h.id,
  numberOf: (h) => h.handoutNo,
  titleOf: (_h, t) => t("print.forms.certificateHandout.title"),
  portalPath: (h) => `/borrowing/certificates/${h.id}`,
  signatures: (_h, t) => [t("print.forms.certificateHandout.signRecipient"), t("print.forms.certificateHandout.signClerk"), t("print.forms.certificateHandout.signReviewer")],
  Body: HandoutBody,
  async recent(db, _viewer, limit, t) {
    const rows = await db.certificateHandout.findMany({
      orderBy: [{ handedAt: "desc" }, { handoutNo: "desc" }],
      take: limit,
      select: { id: true, handoutNo: true, certificateNo: true, recipientName: true, handedAt: true, confirmedAt: true, voidedAt: true, unit: { select: { number: true, building: { select: { name: true, project: { select: { name: true } } } } } } },
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.handoutNo,
      label: t("print.forms.certificateHandout.candidate", { unit: `${r.unit.building.project.name} ${r.unit.building.name} ${r.unit.number}`, recipient: r.recipientName, certificateNo: r.certificateNo }),
      at: r.handedAt,
      state: t(r.voidedAt ? "print.forms.certificateHandout.stateVoided" : r.confirmedAt ? "print.forms.certificateHandout.stateConfirmed" : "print.forms.certificateHandout.notConfirmed"),
    }));
  },
});
