import type { Db } from "../../db/client";
import { REGISTER_READERS } from "../../domain/borrowing/borrow.policy";
import { registerRowsForExport, type RegisterRow } from "../../domain/borrowing/register.service";
import { endOfShanghaiDay, formatShanghai, shanghaiDay, startOfShanghaiDay } from "../../domain/time";
import { DomainError } from "../../domain/errors";
import { parsePeriodId, periodLabel, recentMonths, type PrintPeriod } from "../period-id";
import { definePrintForm, type PrintT } from "../print-form";

// 借阅登记表 (002 §2: 必须填写借阅登记表方能借阅): every slip requested in a period — number,
// borrower, the files, lent / due / returned dates and the return check — with two blank columns
// the borrower and the archivist sign by hand. It is a list, not one record, so its print id names
// the period (period-id.ts). Landscape: eleven columns do not fit a portrait A4.

type Register = { period: PrintPeriod; rows: RegisterRow[] };

/** A printed register is a sheet to sign, not an export: beyond this many slips, use the Excel export. */
export const REGISTER_PRINT_MAX = 1000;

const dayText = (at: Date | null) => (at ? formatShanghai(at, "yyyy-MM-dd") : "");

function RegisterBody({ doc, t }: { doc: Register; t: PrintT }) {
  const k = (key: string) => t(`print.forms.borrowRegister.${key}` as never);
  const out = doc.rows.filter((r) => r.status === "lent" || r.status === "renewed").length;
  return (
    <>
      <style>{"@page { size: A4 landscape; }"}</style>
      <p className="pf-summary">{t("print.forms.borrowRegister.summary", { period: periodLabel(doc.period), count: doc.rows.length, out })}</p>
      <table className="pf-table pf-compact">
        <thead>
          <tr>
            <th className="num">{k("colNo")}</th>
            <th>{k("colRequestNo")}</th>
            <th>{k("colBorrower")}</th>
            <th>{k("colRecords")}</th>
            <th>{k("colPurpose")}</th>
            <th>{k("colApprover")}</th>
            <th>{k("colLentAt")}</th>
            <th>{k("colDueOn")}</th>
            <th>{k("colReturnedAt")}</th>
            <th>{k("colState")}</th>
            <th className="pf-signcol">{k("colSignBorrower")}</th>
            <th className="pf-signcol">{k("colSignReturn")}</th>
          </tr>
        </thead>
        <tbody>
          {doc.rows.length === 0 && (
            <tr>
              <td colSpan={12}>{k("empty")}</td>
            </tr>
          )}
          {doc.rows.map((r, n) => (
            <tr key={r.id}>
              <td className="num">{n + 1}</td>
              <td className="mono">{r.requestNo}</td>
              <td className="nowrap">{r.borrower}</td>
              <td className="pf-small">
                {r.records.map((i) => (
                  <div key={i.id}>
                    {i.archiveNo} {i.title ?? t("register.secretTitle")}
                  </div>
                ))}
              </td>
              <td className="pf-small">{r.purpose}</td>
              <td className="nowrap">{r.approvedBy ?? (r.rejectedBy ? t("register.rejectedBy", { name: r.rejectedBy }) : "")}</td>
              <td className="nowrap">{dayText(r.lentAt)}</td>
              <td className="nowrap">{r.dueOn}</td>
              <td className="nowrap">{dayText(r.returnedAt)}</td>
              <td className={r.overdueDays > 0 || r.returnedState === "incomplete" ? "pf-small pf-mark" : "pf-small"}>
                {[
                  t(`borrowStatus.${r.status}`),
                  r.returnedState === "incomplete" ? t("register.returnIncomplete") : r.returnedState === "complete" ? t("register.returnComplete") : null,
                  r.overdueDays > 0 ? t("register.overdueDays", { days: r.overdueDays }) : r.returnedLate ? t("register.returnedLate") : null,
                  r.voidedAt ? k("voided") : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </td>
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const borrowRegisterForm = definePrintForm<Register>({
  key: "borrow-register",
  isId: (id) => parsePeriodId(id) !== null,
  roles: REGISTER_READERS,
  entity: "BorrowRegister",
  async load(db: Db, viewer, ids) {
    const out: Register[] = [];
    for (const id of ids) {
      const period = parsePeriodId(id);
      if (!period) throw new DomainError("NOT_FOUND");
      const { rows } = await registerRowsForExport(db, viewer.roles, { from: period.from, to: period.to, periodOf: "requested", sort: "requestedAt", dir: "asc" });
      if (rows.length > REGISTER_PRINT_MAX) throw new DomainError("BORROW_EXPORT_TOO_LARGE", { total: rows.length, max: REGISTER_PRINT_MAX });
      out.push({ period, rows });
    }
    return out;
  },
  idOf: (d) => d.period.id,
  numberOf: (d) => d.period.id,
  titleOf: (_d, t) => t("print.forms.borrowRegister.title"),
  portalPath: (d) => `/borrowing/register?from=${d.period.from}&to=${d.period.to}`,
  signatures: (_d, t) => [t("print.forms.borrowRegister.signArchivist"), t("print.forms.borrowRegister.signReviewer")],
  Body: RegisterBody,
  // The last six months, with how many slips each holds.
  async recent(db, _viewer, limit, t) {
    const months = recentMonths(shanghaiDay(new Date()), Math.min(limit, 6));
    const out = [];
    for (const id of months) {
      const p = parsePeriodId(id)!;
      const count = await db.borrowRequest.count({ where: { createdAt: { gte: startOfShanghaiDay(p.from), lt: endOfShanghaiDay(p.to) } } });
      out.push({ id, number: id, label: t("print.forms.borrowRegister.candidate", { period: periodLabel(p), count }), at: startOfShanghaiDay(p.from), state: t("print.forms.borrowRegister.stateCount", { count }) });
    }
    return out;
  },
});
