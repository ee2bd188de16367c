import Decimal from "decimal.js";
import type { Db } from "../../db/client";
import { APPRAISAL_READERS, visibleRowsWhere } from "../../domain/appraisal/appraisal.policy";
import { getAppraisal, type AppraisalDetail } from "../../domain/appraisal/appraisals.query";
import { yearEndRecord } from "../../domain/appraisal/year-end.service";
import { viewerOf } from "../../domain/appraisal/viewer";
import { DIMENSIONS } from "../../domain/appraisal/dimensions";
import { periodLabel } from "../../domain/appraisal/period";
import { dayOf } from "../../domain/archive/retention";
import { formatShanghai } from "../../domain/time";
import { Fields } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";

// 员工月绩效考核记录表 / 员工年终绩效考核记录表 (002 篇2 4.12.1, 4.12.2): one assessment on its
// template version — every item of 德勤能绩 with its maximum, the deduction and its reason, the
// subtotals, 惩罚/嘉奖 with reasons and the total; a 年终考评 adds the year-end formula (周检/月检
// 20 %, 月考核 30 %, 年终考评 50 %) and its result. The employee signs the acknowledgement, the
// assessor and the department manager sign beside their dates. Checks (周检/月检/抽检) print on
// the same layout under their own title. Visibility is the appraisal module's: own / team / all.

type AppraisalDoc = AppraisalDetail & { yearEnd: Awaited<ReturnType<typeof yearEndRecord>> | null };

const TITLE: Record<AppraisalDetail["kind"], string> = {
  monthly: "titleMonthly",
  year_end: "titleYearEnd",
  weekly_check: "titleCheck",
  monthly_check: "titleCheck",
  spot_check: "titleCheck",
};

function AppraisalBody({ doc: a, t }: { doc: AppraisalDoc; t: PrintT }) {
  const k = (key: string) => t(`print.forms.appraisal.${key}` as never);
  const ta = (key: string) => t(`appraisal.${key}` as never);
  const deductionOf = new Map(a.deductions.map((d) => [d.itemId, d]));
  const scoreOf = (dim: (typeof DIMENSIONS)[number]) => a.scores[dim];
  return (
    <>
      <Fields
        rows={[
          [k("employee"), a.employee.name],
          [k("department"), a.employee.department],
          [k("kind"), t(`appraisal.kinds.${a.kind}`)],
          [k("period"), a.period],
          [k("template"), `${t(`appraisal.audiences.${a.audience}`)} · ${t("print.forms.appraisal.version", { version: a.templateVersion })}`],
          [k("status"), `${t(`appraisal.statuses.${a.status}`)}${a.supersededBy ? ` · ${k("superseded")}` : ""}${a.correctsId ? ` · ${k("isCorrection")}` : ""}`],
          [k("scoredBy"), a.scoredAt ? `${a.scoredBy ?? "—"} ${formatShanghai(a.scoredAt)}` : "—"],
          [k("response"), a.response ? `${t(`appraisal.responses.${a.response}`)} ${formatShanghai(a.respondedAt)}` : k("noResponse")],
          [k("finalisedBy"), a.finalisedAt ? `${a.finalisedBy ?? "—"} ${formatShanghai(a.finalisedAt)}` : k("notFinalised")],
        ]}
      />
      {a.responseComment && (
        <div className="pf-box">
          <b>{k("responseComment")}：</b>
          {a.responseComment}
        </div>
      )}
      {a.correctionReason && (
        <div className="pf-box">
          <b>{k("correctionReason")}：</b>
          {a.correctionReason}
        </div>
      )}
      <table className="pf-table pf-compact">
        <thead>
          <tr>
            <th>{k("colDimension")}</th>
            <th>{k("colItem")}</th>
            <th>{k("colCriteria")}</th>
            <th className="num">{k("colMax")}</th>
            <th className="num">{k("colDeduction")}</th>
            <th>{k("colReason")}</th>
            <th className="num">{k("colScore")}</th>
          </tr>
        </thead>
        <tbody>
          {DIMENSIONS.flatMap((dim) => {
            const items = a.template.items.filter((i) => i.dimension === dim);
            return [
              ...items.map((i) => {
                const d = deductionOf.get(i.id);
                const deduction = new Decimal(d?.deduction ?? 0);
                return (
                  <tr key={i.id}>
                    <td className="nowrap">{ta(`dimensions.${dim}`)}</td>
                    <td className="nowrap">{i.name}</td>
                    <td className="pf-small">{i.criteria ?? ""}</td>
                    <td className="num">{i.maxScore}</td>
                    <td className={deduction.gt(0) ? "num pf-mark" : "num"}>{deduction.gt(0) ? deduction.toFixed(2) : ""}</td>
                    <td className="pf-small">{d?.reason ?? ""}</td>
                    <td className="num">{new Decimal(i.maxScore).minus(deduction).toFixed(2)}</td>
                  </tr>
                );
              }),
              <tr key={`${dim}-sum`}>
                <td className="nowrap">
                  <b>{ta(`dimensions.${dim}`)}</b>
                </td>
                <td colSpan={2}>
                  <b>{k("subtotal")}</b>
                </td>
                <td className="num">{a.template.maxima[dim]}</td>
                <td />
                <td />
                <td className="num">
                  <b>{scoreOf(dim)}</b>
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
      <div className="pf-section">{k("adjustments")}</div>
      {a.adjustments.length === 0 ? (
        <p className="pf-summary">{k("noAdjustments")}</p>
      ) : (
        <table className="pf-table">
          <thead>
            <tr>
              <th>{k("colAdjKind")}</th>
              <th className="num">{k("colPoints")}</th>
              <th>{k("colReason")}</th>
            </tr>
          </thead>
          <tbody>
            {a.adjustments.map((x) => (
              <tr key={x.id}>
                <td className="nowrap">{ta(x.kind)}</td>
                <td className="num">{`${x.kind === "penalty" ? "−" : "+"}${new Decimal(x.points).toFixed(2)}`}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pf-box">
        {t("print.forms.appraisal.totals", { base: a.base, penalty: a.penalty, commendation: a.commendation, total: a.total })}
      </div>
      {a.yearEnd && <YearEndPart doc={a} t={t} />}
      {a.summary && (
        <div className="pf-box">
          <b>{k("summary")}：</b>
          {a.summary}
        </div>
      )}
    </>
  );
}

function YearEndPart({ doc: a, t }: { doc: AppraisalDoc; t: PrintT }) {
  const k = (key: string) => t(`print.forms.appraisal.${key}` as never);
  const y = a.yearEnd!;
  const f = y.formula;
  const part = (v: string | null, n: number | null) => (v === null ? k("missing") : n === null ? v : t("print.forms.appraisal.meanOf", { mean: v, count: n }));
  return (
    <div className="pf-keep">
      <div className="pf-section">{t("print.forms.appraisal.yearEndTitle", { year: y.year })}</div>
      <table className="pf-table">
        <thead>
          <tr>
            <th>{k("colPart")}</th>
            <th className="num">{k("colWeight")}</th>
            <th>{k("colPartScore")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{k("partChecks")}</td>
            <td className="num">20%</td>
            <td>{part(f.checksMean, f.checksCount)}</td>
          </tr>
          <tr>
            <td>{k("partMonthly")}</td>
            <td className="num">30%</td>
            <td>{part(f.monthlyMean, f.monthlyCount)}</td>
          </tr>
          <tr>
            <td>{k("partYearEnd")}</td>
            <td className="num">50%</td>
            <td>{part(f.yearEnd, null)}</td>
          </tr>
          <tr>
            <td colSpan={2}>
              <b>{k("yearEndTotal")}</b>
            </td>
            <td>
              <b>{f.total ?? k("incomplete")}</b>
              {f.total && `　${f.outstanding ? k("outstanding") : k("notOutstanding")}`}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="pf-summary" style={{ marginTop: "1.5mm" }}>
        {k("entriesTitle")}：
        {y.entries
          .filter((e) => e.counted)
          .map((e) => `${t(`appraisal.kinds.${e.kind}`)} ${e.period} ${e.total}`)
          .join("；")}
      </p>
    </div>
  );
}

export const appraisalRecordForm = definePrintForm<AppraisalDoc>({
  key: "appraisal",
  roles: APPRAISAL_READERS,
  entity: "Appraisal",
  async load(db: Db, viewer, ids) {
    const v = await viewerOf(db, viewer);
    const out: AppraisalDoc[] = [];
    for (const id of ids) {
      // Narrowed to own / team / everyone in the query: another person's appraisal is NOT_FOUND.
      const a = await getAppraisal(db, v, id);
      const yearEnd = a.kind === "year_end" ? await yearEndRecord(db, v, { year: a.year, employeeId: a.employee.id }) : null;
      out.push({ ...a, yearEnd });
    }
    return out;
  },
  idOf: (a) => a.id,
  // Appraisals have no number of their own: the employee and period name the record.
  numberOf: (a) => `${a.period} ${a.employee.name}`,
  titleOf: (a, t) => t(`print.forms.appraisal.${TITLE[a.kind as AppraisalDetail["kind"]]}` as never),
  portalPath: (a) => `/appraisal/${a.id}`,
  signatures: (_a, t) => [t("print.forms.appraisal.signEmployee"), t("print.forms.appraisal.signAssessor"), t("print.forms.appraisal.signManager")],
  Body: AppraisalBody,
  async recent(db, viewer, limit, t) {
    const v = await viewerOf(db, viewer);
    const rows = await db.appraisal.findMany({
      where: { AND: [visibleRowsWhere(v), { kind: { in: ["monthly", "year_end"] } }] },
      orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
      take: limit,
      select: { id: true, kind: true, periodStart: true, status: true, total: true, createdAt: true, employee: { select: { displayName: true } } },
    });
    return rows.map((r) => {
      const period = periodLabel(r.kind, dayOf(r.periodStart));
      return {
        id: r.id,
        number: `${period} ${r.employee.displayName}`,
        label: t("print.forms.appraisal.candidate", { kind: t(`appraisal.kinds.${r.kind}`), employee: r.employee.displayName, period, total: r.total.toFixed(2) }),
        at: r.createdAt,
        state: t(`appraisal.statuses.${r.status}`),
      };
    });
  },
});
