import type { Db } from "../../db/client";
import { getRepair } from "../../domain/complaints/repairs.read";
import { COMPLAINT_READERS, REPAIR_APPROVERS } from "../../domain/complaints/complaints.policy";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { StepsTable, stepHeads } from "./steps-table";
import { definePrintForm, type PrintT } from "../print-form";

// 整改维修联系单 (003 客户报修/整改流程): where, what, who repairs it (保修期内 工程部, otherwise
// 物业), paid or not, the plan and its cost, and the cost approvals — 工程部经理 up to the limit,
// above it 工程部经理 then 总经理 (the approval level is fixed when the plan was submitted).

type Repair = Awaited<ReturnType<typeof getRepair>>;

function approvalText(t: PrintT, by: string | null, at: Date | null, awaitingHere: boolean, rejected: boolean): string {
  if (by && at) return `${t("print.forms.repair.approved")} · ${by} ${formatShanghai(at)}`;
  if (rejected) return t("print.forms.repair.rejected");
  return awaitingHere ? t("print.forms.repair.awaiting") : "—";
}

function RepairBody({ doc: r, t }: { doc: Repair; t: PrintT }) {
  const k = (key: string) => t(`print.forms.repair.${key}` as never);
  const rejected = r.status === "rejected";
  return (
    <>
      <Fields
        rows={[
          [k("location"), r.location],
          [k("unit"), r.unit],
          [k("complaint"), r.complaint?.complaintNo ?? null],
          [k("status"), t(`repairs.statuses.${r.status}`)],
          [k("warranty"), r.isWarranty ? t("repairs.warranty") : t("repairs.noWarranty")],
          [k("dept"), r.departmentName],
          [k("paid"), r.isPaid ? t("repairs.paid") : t("repairs.free")],
          [k("createdAt"), `${r.createdBy ?? "—"} ${formatShanghai(r.createdAt)}`],
        ]}
      />
      <div className="pf-box">
        <b>{k("description")}：</b>
        {r.description}
      </div>
      <div className="pf-box">
        <b>{k("plan")}：</b>
        {r.plan ?? "—"}
        <br />
        <b>{k("cost")}：</b>
        {r.cost === null ? "—" : t("print.forms.repair.yuan", { amount: r.cost })}
        {"　"}
        {t("print.forms.repair.rule", { limit: r.engineeringLimit })}
      </div>
      <div className="pf-section">{k("approvals")}</div>
      <table className="pf-table">
        <thead>
          <tr>
            <th>{k("colLevel")}</th>
            <th>{k("colDecision")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="nowrap">{t("repairs.levels.engineering")}</td>
            <td>{approvalText(t, r.engApprovedBy, r.engApprovedAt, r.awaiting === "engineering", rejected && !r.engApprovedAt)}</td>
          </tr>
          <tr>
            <td className="nowrap">{t("repairs.levels.general")}</td>
            <td>{r.needsGeneral ? approvalText(t, r.genApprovedBy, r.genApprovedAt, r.awaiting === "general", rejected && !!r.engApprovedAt) : k("notNeeded")}</td>
          </tr>
        </tbody>
      </table>
      {rejected && (
        <div className="pf-box">
          <b>{k("rejectedBy")}：</b>
          {r.rejectedBy ?? "—"} {formatShanghai(r.rejectedAt)} {r.rejectReason ? `（${r.rejectReason}）` : ""}
        </div>
      )}
      <div className="pf-section">{k("steps")}</div>
      <StepsTable steps={r.events} heads={stepHeads(k)} stepLabel={(kind) => t(`repairs.events.${kind}` as never)}>
        {r.callbacks.map((b) => (
          <tr key={b.id}>
            <td className="num" />
            <td className="nowrap">{formatShanghai(b.calledAt)}</td>
            <td className="nowrap">{t("repairs.events.callback")}</td>
            <td className="nowrap">{b.calledByName}</td>
            <td>
              {t(`complaints.satisfactions.${b.satisfaction}`)}
              {b.remarks ? `：${b.remarks}` : ""}
            </td>
          </tr>
        ))}
      </StepsTable>
    </>
  );
}

export const repairOrderForm = definePrintForm<Repair>({
  key: "repair",
  roles: [...new Set([...COMPLAINT_READERS, ...REPAIR_APPROVERS])],
  entity: "RepairOrder",
  async load(db: Db, viewer, ids) {
    const out: Repair[] = [];
    for (const id of ids) out.push(await getRepair(db, { id: viewer.id, name: viewer.name, roles: viewer.roles }, id));
    return out;
  },
  idOf: (r) => r.id,
  numberOf: (r) => r.orderNo,
  titleOf: (_r, t) => t("print.forms.repair.title"),
  portalPath: (r) => `/complaints/repairs/${r.id}`,
  // The paper form carries both managers' lines whatever the cost: the 总经理 line stays blank below the limit.
  signatures: (r, t) => [
    t("print.forms.repair.signClerk"),
    t("print.forms.repair.signRepairer"),
    t("print.forms.repair.signEngineering"),
    ...(r.needsGeneral ? [t("print.forms.repair.signGeneral")] : []),
    t("print.forms.repair.signClient"),
  ],
  Body: RepairBody,
  async recent(db, _viewer, limit, t) {
    const rows = await db.repairOrder.findMany({
      orderBy: [{ createdAt: "desc" }, { orderNo: "desc" }],
      take: limit,
      select: { id: true, orderNo: true, status: true, location: true, cost: true, createdAt: true },
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.orderNo,
      label: t("print.forms.repair.candidate", { location: r.location, cost: r.cost ? r.cost.toFixed(2) : "—" }),
      at: r.createdAt,
      state: t(`repairs.statuses.${r.status}`),
    }));
  },
});
