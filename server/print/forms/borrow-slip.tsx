import type { Db } from "../../db/client";
import { BORROWERS, REGISTER_READERS } from "../../domain/borrowing/borrow.policy";
import { getLoan, maySeeAnySlip } from "../../domain/borrowing/loan-views";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";

// 借出单 (DOMAIN §2, 002 §2(3)): the slip the borrower signs when the files leave the room, with
// the manager's approval on it; the archivist signs again when the files come back complete.

type Slip = Awaited<ReturnType<typeof getLoan>>;

const who = (name: string | null, at: Date | null, comment?: string | null) => (name || at ? `${name ?? "—"} ${formatShanghai(at)}${comment ? `（${comment}）` : ""}` : "");

function BorrowSlipBody({ doc: s, t }: { doc: Slip; t: PrintT }) {
  const k = (key: string) => t(`print.forms.borrowSlip.${key}` as never);
  return (
    <>
      <Fields
        rows={[
          [k("borrower"), s.requester],
          [k("borrowType"), t(`borrowType.${s.borrowType}`)],
          [k("status"), `${t(`borrowStatus.${s.status}`)}${s.voidedAt ? ` · ${k("voided")}` : ""}`],
          [k("requestedAt"), formatShanghai(s.createdAt)],
          [k("dueOn"), `${s.dueOn}${s.renewalCount > 0 ? ` · ${t("print.forms.borrowSlip.renewed", { count: s.renewalCount })}` : ""}`],
          [k("approvedBy"), who(s.approvedBy, s.approvedAt, s.approvalComment)],
          ...(s.needsSecondApproval ? ([[k("secondApprovedBy"), who(s.secondApprovedBy, s.secondApprovedAt, s.secondComment)]] as [string, string][]) : []),
          ...(s.rejectedAt ? ([[k("rejectedBy"), who(s.rejectedBy, s.rejectedAt, s.rejectComment)]] as [string, string][]) : []),
          [k("lentBy"), who(s.lentBy, s.lentAt)],
          [k("receivedAt"), formatShanghai(s.receivedAt)],
          [k("returnedTo"), who(s.returnedTo, s.returnedAt)],
        ]}
      />
      <div className="pf-box">
        <b>{k("purpose")}：</b>
        {s.purpose}
      </div>
      <table className="pf-table">
        <thead>
          <tr>
            <th className="num">{k("colNo")}</th>
            <th>{k("colArchiveNo")}</th>
            <th>{k("colTitle")}</th>
            <th>{k("colLocation")}</th>
            <th>{k("colReturnCheck")}</th>
          </tr>
        </thead>
        <tbody>
          {s.items.map((i, n) => (
            <tr key={i.id}>
              <td className="num">{n + 1}</td>
              <td className="nowrap">{i.record.archiveNo}</td>
              <td>{i.record.title}</td>
              <td className="nowrap">{i.record.location}</td>
              <td className={i.returnCheck === "incomplete" ? "pf-mark" : undefined}>
                {i.returnCheck ? `${k(`check_${i.returnCheck}`)}${i.returnNote ? `：${i.returnNote}` : ""}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const borrowSlipForm = definePrintForm<Slip>({
  key: "borrow-slip",
  // Borrowers print their own slips; the desk, approvers and register readers any slip (getLoan checks which).
  roles: [...new Set([...BORROWERS, ...REGISTER_READERS])],
  entity: "BorrowRequest",
  async load(db: Db, viewer, ids) {
    const out: Slip[] = [];
    for (const id of ids) out.push(await getLoan(db, viewer, id));
    return out;
  },
  idOf: (s) => s.id,
  numberOf: (s) => s.requestNo,
  titleOf: (_s, t) => t("print.forms.borrowSlip.title"),
  portalPath: (s) => `/borrowing/${s.id}`,
  signatures: (_s, t) => [t("print.forms.borrowSlip.signBorrower"), t("print.forms.borrowSlip.signApprover"), t("print.forms.borrowSlip.signLender"), t("print.forms.borrowSlip.signReturn")],
  Body: BorrowSlipBody,
  async recent(db, viewer, limit, t) {
    const rows = await db.borrowRequest.findMany({
      where: maySeeAnySlip(viewer.roles) ? {} : { requesterId: viewer.id },
      orderBy: [{ createdAt: "desc" }, { requestNo: "desc" }],
      take: limit,
      // The items themselves, not `_count`: Prisma counts through a join grouped over every
      // slip's items (100k at a company's size, 165 ms) before it takes the ten.
      select: { id: true, requestNo: true, status: true, purpose: true, createdAt: true, requester: { select: { displayName: true } }, items: { select: { id: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.requestNo,
      label: t("print.forms.borrowSlip.candidate", { borrower: r.requester.displayName, count: r.items.length, purpose: r.purpose }),
      at: r.createdAt,
      state: t(`borrowStatus.${r.status}`),
    }));
  },
});
