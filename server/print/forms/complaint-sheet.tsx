import type { Db } from "../../db/client";
import { getComplaint } from "../../domain/complaints/complaints.read";
import { COMPLAINT_READERS } from "../../domain/complaints/complaints.policy";
import type { Clock } from "../../domain/complaints/clocks";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { StepsTable, stepHeads } from "./steps-table";
import { definePrintForm, type PrintT, type PrintViewer } from "../print-form";

// 投诉处理单 (DOMAIN §3, 002 §3): time, matter, complainant, receiver, the clocks the complaint ran
// against (答复 / 4 小时进展 / 回访), every handling step, the result and its callbacks. The phone
// is printed masked, as the reader sees it in the portal.

export type ComplaintDoc = Awaited<ReturnType<typeof getComplaint>>;

export async function loadComplaints(db: Db, viewer: PrintViewer, ids: readonly string[]): Promise<ComplaintDoc[]> {
  const out: ComplaintDoc[] = [];
  for (const id of ids) out.push(await getComplaint(db, { id: viewer.id, name: viewer.name, roles: viewer.roles }, id));
  return out;
}

export async function recentComplaints(db: Db, limit: number, t: PrintT, where: { callbacks?: { some: object } } = {}) {
  const rows = await db.complaint.findMany({
    where,
    orderBy: [{ receivedAt: "desc" }, { complaintNo: "desc" }],
    take: limit,
    select: { id: true, complaintNo: true, status: true, complainantName: true, content: true, receivedAt: true, category: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.complaintNo,
    label: t("print.forms.complaintSheet.candidate", { complainant: r.complainantName, category: r.category.name, content: r.content.slice(0, 40) }),
    at: r.receivedAt,
    state: t(`complaints.statuses.${r.status}`),
  }));
}

/** "截止 … · 完成 … · 按时/逾期完成/超时" for one clock. */
export function clockText(k: Clock, t: PrintT): string {
  if (k.state === "none") return "—";
  const parts = [t("print.forms.complaintSheet.dueAt", { at: formatShanghai(k.due) })];
  if (k.doneAt) parts.push(t("print.forms.complaintSheet.doneAt", { at: formatShanghai(k.doneAt) }));
  parts.push(t(`print.forms.complaintSheet.clock_${k.state}`));
  return parts.join(" · ");
}

function ComplaintSheetBody({ doc: c, t }: { doc: ComplaintDoc; t: PrintT }) {
  const k = (key: string) => t(`print.forms.complaintSheet.${key}` as never);
  return (
    <>
      <Fields
        rows={[
          [k("receivedAt"), formatShanghai(c.receivedAt)],
          [k("channel"), t(`complaints.channels.${c.channel}`)],
          [k("complainant"), c.complainantName],
          [k("contact"), c.contactPhoneMasked],
          [k("unit"), c.unit],
          [k("category"), c.category],
          [k("severity"), `${t(`complaints.severities.${c.severity}`)}${c.escalatedAt ? ` · ${k("escalated")} ${formatShanghai(c.escalatedAt)}` : ""}`],
          [k("status"), t(`complaints.statuses.${c.status}`)],
          [k("receiver"), c.receivedBy],
          [k("responsible"), [c.responsible, c.department].filter(Boolean).join(" · ")],
        ]}
      />
      <div className="pf-box">
        <b>{k("matter")}：</b>
        {c.content}
      </div>
      <div className="pf-section">{k("clocksTitle")}</div>
      <Fields
        rows={[
          [k("clockReply"), clockText(c.clocks.reply, t)],
          [k("clockProgress"), `${clockText(c.clocks.progress, t)}${c.progressLapses > 0 ? ` · ${t("print.forms.complaintSheet.lapses", { count: c.progressLapses })}` : ""}`],
          [k("clockCallback"), clockText(c.clocks.callback, t)],
          [k("reopenCount"), String(c.reopenCount)],
        ]}
      />
      <div className="pf-section">{k("handlingTitle")}</div>
      <StepsTable steps={c.events} heads={stepHeads(k)} stepLabel={(kind) => t(`complaints.events.${kind}` as never)} />
      <div className="pf-box">
        <b>{k("result")}：</b>
        {c.resolution ?? k("noResult")}
        {c.resolvedAt && (
          <>
            （{c.resolvedBy ?? "—"} {formatShanghai(c.resolvedAt)}）
          </>
        )}
      </div>
      <div className="pf-section">{k("callbacksTitle")}</div>
      {c.callbacks.length === 0 ? (
        <p className="pf-summary">{k("noCallbacks")}</p>
      ) : (
        <table className="pf-table">
          <thead>
            <tr>
              <th>{k("colCalledAt")}</th>
              <th>{k("colCalledBy")}</th>
              <th>{k("colSatisfaction")}</th>
              <th>{k("colRemarks")}</th>
            </tr>
          </thead>
          <tbody>
            {c.callbacks.map((b) => (
              <tr key={b.id}>
                <td className="nowrap">{formatShanghai(b.calledAt)}</td>
                <td className="nowrap">{b.calledByName}</td>
                <td className="nowrap">{t(`complaints.satisfactions.${b.satisfaction}`)}</td>
                <td>{b.remarks ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** What every printed form of one complaint shares: who may print it, how it is read and where its QR code points. */
export const complaintDocForm = {
  // Every reader of 投诉与回访 sees every complaint (the department answers for all of them).
  roles: COMPLAINT_READERS,
  entity: "Complaint",
  load: loadComplaints,
  idOf: (c: ComplaintDoc) => c.id,
  numberOf: (c: ComplaintDoc) => c.complaintNo,
  portalPath: (c: ComplaintDoc) => `/complaints/${c.id}`,
};

export const complaintSheetForm = definePrintForm<ComplaintDoc>({
  key: "complaint-sheet",
  ...complaintDocForm,
  titleOf: (_c, t) => t("print.forms.complaintSheet.title"),
  signatures: (_c, t) => [t("print.forms.complaintSheet.signReceiver"), t("print.forms.complaintSheet.signHandler"), t("print.forms.complaintSheet.signSupervisor")],
  Body: ComplaintSheetBody,
  recent: (db, _viewer, limit, t) => recentComplaints(db, limit, t),
});
