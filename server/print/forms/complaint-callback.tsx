import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";
import { clockText, complaintDocForm, recentComplaints, type ComplaintDoc } from "./complaint-sheet";

// 回访记录 (002 §3: 回访时……做好回访记录; 001: 100% 回访): one sheet per complaint, as the paper
// record is kept with the complaint — what was complained of and how it was settled, then every
// callback (a 不满意 one reopened the complaint, so a second callback follows it).

function CallbackBody({ doc: c, t }: { doc: ComplaintDoc; t: PrintT }) {
  const k = (key: string) => t(`print.forms.complaintCallback.${key}` as never);
  return (
    <>
      <Fields
        rows={[
          [k("complainant"), c.complainantName],
          [k("contact"), c.contactPhoneMasked],
          [k("unit"), c.unit],
          [k("category"), c.category],
          [k("receivedAt"), formatShanghai(c.receivedAt)],
          [k("resolvedAt"), formatShanghai(c.resolvedAt)],
          [k("callbackClock"), clockText(c.clocks.callback, t)],
          [k("status"), t(`complaints.statuses.${c.status}`)],
        ]}
      />
      <div className="pf-box">
        <b>{k("matter")}：</b>
        {c.content}
      </div>
      <div className="pf-box">
        <b>{k("result")}：</b>
        {c.resolution ?? "—"}
      </div>
      <table className="pf-table">
        <thead>
          <tr>
            <th className="num">{k("colNo")}</th>
            <th>{k("colCalledAt")}</th>
            <th>{k("colDueAt")}</th>
            <th>{k("colCalledBy")}</th>
            <th>{k("colSatisfaction")}</th>
            <th>{k("colRemarks")}</th>
          </tr>
        </thead>
        <tbody>
          {c.callbacks.length === 0 ? (
            <tr>
              <td colSpan={6}>{k("none")}</td>
            </tr>
          ) : (
            c.callbacks.map((b, n) => (
              <tr key={b.id}>
                <td className="num">{n + 1}</td>
                <td className="nowrap">{formatShanghai(b.calledAt)}</td>
                <td className="nowrap">{formatShanghai(b.dueAt)}</td>
                <td className="nowrap">{b.calledByName}</td>
                <td className={b.satisfaction === "dissatisfied" ? "pf-mark nowrap" : "nowrap"}>{t(`complaints.satisfactions.${b.satisfaction}`)}</td>
                <td>{b.remarks ?? ""}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}

export const complaintCallbackForm = definePrintForm<ComplaintDoc>({
  key: "complaint-callback",
  ...complaintDocForm,
  titleOf: (_c, t) => t("print.forms.complaintCallback.title"),
  signatures: (_c, t) => [t("print.forms.complaintCallback.signCaller"), t("print.forms.complaintCallback.signClient"), t("print.forms.complaintCallback.signSupervisor")],
  Body: CallbackBody,
  // Complaints that have been called back at least once.
  recent: (db, _viewer, limit, t) => recentComplaints(db, limit, t, { callbacks: { some: {} } }),
});
