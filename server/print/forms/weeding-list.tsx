import type { Db } from "../../db/client";
import { ARCHIVE_KEEPERS, WEEDING_APPROVERS } from "../../domain/archive/archive.policy";
import { getWeedingList } from "../../domain/archive/weeding.service";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";

// 剔除/销毁清单 (002 §2): the files on the list and the manager's decision; the paper copy is signed
// by the archivist, the approving manager and the witness of the destruction. A 移出 list has no
// approval: it is signed by whoever carried it out.

type List = Awaited<ReturnType<typeof getWeedingList>>;

function WeedingBody({ doc: l, t }: { doc: List; t: PrintT }) {
  const destroy = l.kind === "destroy";
  return (
    <>
      <Fields
        rows={[
          [t("print.forms.weeding.kind"), t(`weeding.kinds.${l.kind}`)],
          [t("print.forms.weeding.status"), t(`weeding.statuses.${l.status}`)],
          [t("print.forms.weeding.createdBy"), `${l.createdBy ?? "—"} ${formatShanghai(l.createdAt)}`],
          [t("print.forms.weeding.count"), l.itemCount],
        ]}
      />
      <div className="pf-box">
        <b>{t("print.forms.weeding.reason")}：</b>
        {l.reason}
      </div>
      <table className="pf-table">
        <thead>
          <tr>
            <th className="num">{t("print.forms.weeding.colNo")}</th>
            <th>{t("print.forms.weeding.colArchiveNo")}</th>
            <th>{t("print.forms.weeding.colTitle")}</th>
            <th>{t("print.forms.weeding.colClass")}</th>
            <th>{t("print.forms.weeding.colFormedOn")}</th>
            <th>{t("print.forms.weeding.colRetention")}</th>
            <th>{t("print.forms.weeding.colExpiresOn")}</th>
            <th>{t("print.forms.weeding.colStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {l.items.map((r, k) => (
            <tr key={r.id}>
              <td className="num">{k + 1}</td>
              <td className="mono">{r.archiveNo}</td>
              <td>{r.title}</td>
              <td className="nowrap">{r.archiveClass.name}</td>
              <td className="nowrap">{r.formedOn}</td>
              <td className="nowrap">{r.retentionYears === null ? t("print.forms.weeding.permanent") : t("print.forms.weeding.years", { years: r.retentionYears })}</td>
              <td className="nowrap">{r.expiresOn ?? "—"}</td>
              <td className="nowrap">{t(`archiveSearch.statuses.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pf-box">
        <div className="pf-section" style={{ marginTop: 0 }}>
          {destroy ? t("print.forms.weeding.approval") : t("print.forms.weeding.executedBy")}
        </div>
        {l.decidedBy ? (
          <>
            <div className="pf-pairs">
              <span>
                {destroy ? t("print.forms.weeding.decidedBy") : t("print.forms.weeding.executedBy")}：{l.decidedBy}
              </span>
              <span>
                {destroy ? t("print.forms.weeding.decidedAt") : t("print.forms.weeding.executedAt")}：{formatShanghai(l.decidedAt)}
              </span>
              <span>
                {t("print.forms.weeding.status")}：{t(`weeding.statuses.${l.status}`)}
              </span>
            </div>
            {l.decisionComment && (
              <div>
                {t("print.forms.weeding.comment")}：{l.decisionComment}
              </div>
            )}
          </>
        ) : (
          <div>{t("print.forms.weeding.notDecided")}</div>
        )}
      </div>
    </>
  );
}

export const weedingListForm = definePrintForm<List>({
  key: "weeding",
  roles: [...ARCHIVE_KEEPERS, ...WEEDING_APPROVERS],
  entity: "WeedingList",
  async load(db: Db, _viewer, ids) {
    const out: List[] = [];
    for (const id of ids) out.push(await getWeedingList(db, id));
    return out;
  },
  idOf: (l) => l.id,
  numberOf: (l) => l.listNo,
  titleOf: (l, t) => (l.kind === "transfer" ? t("print.forms.weeding.titleTransfer") : t("print.forms.weeding.title")),
  portalPath: (l) => `/archive/weeding/${l.id}`,
  signatures: (l, t) =>
    l.kind === "transfer"
      ? [t("print.forms.weeding.signPreparedBy"), t("print.forms.weeding.signExecutedBy")]
      : [t("print.forms.weeding.signPreparedBy"), t("print.forms.weeding.signApprovedBy"), t("print.forms.weeding.signWitness")],
  Body: WeedingBody,
  async recent(db, _viewer, limit, t) {
    const rows = await db.weedingList.findMany({
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { id: true, listNo: true, kind: true, status: true, reason: true, createdAt: true, _count: { select: { items: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.listNo,
      label: t("print.forms.weeding.candidate", { kind: t(`weeding.kinds.${r.kind}`), count: r._count.items, reason: r.reason }),
      at: r.createdAt,
      state: t(`weeding.statuses.${r.status}`),
    }));
  },
});
