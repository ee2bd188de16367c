import type { Db } from "../../db/client";
import { ARCHIVE_READERS } from "../../domain/archive/archive.policy";
import { getBatch } from "../../domain/archive/handover.service";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";

// 移交清单 (004 第七、八、九条): the batch as handed over, each line's check result, and the three
// signatures of the hand-over — marketing, the archivist, a reviewer.

type Batch = Awaited<ReturnType<typeof getBatch>>;

function HandoverBody({ doc: b, t }: { doc: Batch; t: PrintT }) {
  return (
    <>
      <Fields
        rows={[
          [t("print.forms.handover.project"), b.project?.name],
          [t("print.forms.handover.className"), b.className],
          [t("print.forms.handover.fromDept"), b.fromDept],
          [t("print.forms.handover.status"), t(`handover.statuses.${b.status}`)],
          [t("print.forms.handover.createdBy"), `${b.createdBy} ${formatShanghai(b.createdAt)}`],
          [t("print.forms.handover.signedBy"), b.signedAt ? `${b.signedBy} ${formatShanghai(b.signedAt)}` : ""],
          ...(b.note ? ([[t("print.forms.handover.note"), b.note]] as [string, string][]) : []),
        ]}
      />
      <p className="pf-summary">{t("print.forms.handover.summary", b.summary)}</p>
      <table className="pf-table">
        <thead>
          <tr>
            <th className="num">{t("print.forms.handover.colLine")}</th>
            <th>{t("print.forms.handover.colUnit")}</th>
            <th>{t("print.forms.handover.colClient")}</th>
            <th>{t("print.forms.handover.colDocument")}</th>
            <th className="num">{t("print.forms.handover.colExpected")}</th>
            <th className="num">{t("print.forms.handover.colReceived")}</th>
            <th>{t("print.forms.handover.colCheck")}</th>
            <th>{t("print.forms.handover.colRemark")}</th>
          </tr>
        </thead>
        <tbody>
          {b.items.map((i) => (
            <tr key={i.id}>
              <td className="num">{i.lineNo}</td>
              <td className="nowrap">{i.unitLabel}</td>
              <td className="nowrap">{i.clientName}</td>
              <td>{i.documentName}</td>
              <td className="num">{i.expectedCount}</td>
              <td className="num">{i.receivedCount ?? ""}</td>
              <td className={i.check === "missing" || i.check === "wrong" ? "nowrap pf-mark" : "nowrap"}>{t(`handover.checks.${i.check}`)}</td>
              <td>{i.remark ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const handoverListForm = definePrintForm<Batch>({
  key: "handover",
  roles: ARCHIVE_READERS,
  entity: "HandoverBatch",
  async load(db: Db, viewer, ids) {
    const out: Batch[] = [];
    // One at a time: a PGlite connection serves one query stream anyway, and batches are few.
    for (const id of ids) out.push(await getBatch(db, viewer.roles, id));
    return out;
  },
  idOf: (b) => b.id,
  numberOf: (b) => b.batchNo,
  titleOf: (_b, t) => t("print.forms.handover.title"),
  portalPath: (b) => `/archive/handover/${b.id}`,
  signatures: (_b, t) => [t("print.forms.handover.signHandedOver"), t("print.forms.handover.signReceived"), t("print.forms.handover.signReviewed")],
  Body: HandoverBody,
  async recent(db, _viewer, limit, t) {
    const rows = await db.handoverBatch.findMany({
      orderBy: [{ createdAt: "desc" }, { batchNo: "desc" }],
      take: limit,
      select: { id: true, batchNo: true, status: true, fromDept: true, createdAt: true, project: { select: { name: true } }, _count: { select: { items: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.batchNo,
      label: t("print.forms.handover.candidate", { project: r.project?.name ?? "—", fromDept: r.fromDept, lines: r._count.items }),
      at: r.createdAt,
      state: t(`handover.statuses.${r.status}`),
    }));
  },
});
