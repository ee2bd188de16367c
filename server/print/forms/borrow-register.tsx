import type { Db } from "../../db/client";
import { REGISTER_READERS } from "../../domain/borrowing/borrow.policy";
import { registerRowsForExport, type RegisterRow } from "../../domain/borrowing/register.service";
import { paramsOfFilters, paramsOfPrintFilters, printFiltersFromParams, type RegisterPrintFilters } from "../../domain/borrowing/register.schema";
import { endOfShanghaiDay, formatShanghai, shanghaiDay, startOfShanghaiDay } from "../../domain/time";
import { DomainError } from "../../domain/errors";
import { parsePeriodId, periodLabel, recentMonths, type PrintPeriod } from "../period-id";
import { definePrintForm, type PrintT } from "../print-form";

// 借阅登记表 (002 §2: 必须填写借阅登记表方能借阅): the slips of a period — number, borrower, the
// files, lent / due / returned dates and the return check — with two blank columns the borrower
// and the archivist sign by hand. It is a list, not one record, so its print id names the period
// (period-id.ts); the register page's 日期口径 (which date the period cuts on) and its other
// filters ride in the query string (?periodOf=lent&status=lent…, the page's own names and parser)
// and are stated under the title, so the paper is the list the user was looking at. Without them
// (the /print page's batch of months) it is every slip requested in the period. Landscape: eleven
// columns do not fit a portrait A4.

type Register = { period: PrintPeriod; filters: RegisterPrintFilters; rows: RegisterRow[] };

const DEFAULT_FILTERS: RegisterPrintFilters = { periodOf: "requested", overdueOnly: false };
/** A paper register runs in the order of its own date: the one the period cuts on. */
const SORT_OF = { requested: "requestedAt", lent: "lentAt", returned: "returnedAt" } as const;
const BASIS_KEY = { requested: "register.periodRequested", lent: "register.periodLent", returned: "register.periodReturned" } as const;
const basisOf = (f: RegisterPrintFilters, t: PrintT) => t(BASIS_KEY[f.periodOf]);
const hasOther = (f: RegisterPrintFilters) => !!(f.borrower || f.archiveNo || f.status || f.overdueOnly);

/** What the printed list holds, in words: the date basis always, then each filter the page set. */
export function registerCriteria(f: RegisterPrintFilters, t: PrintT): string[] {
  const k = "print.forms.borrowRegister";
  const out = [t(`${k}.criteriaBasis`, { basis: basisOf(f, t) })];
  if (f.borrower) out.push(t(`${k}.criteriaBorrower`, { value: f.borrower }));
  if (f.archiveNo) out.push(t(`${k}.criteriaArchiveNo`, { value: f.archiveNo }));
  if (f.status) out.push(t(`${k}.criteriaStatus`, { value: t(`borrowStatus.${f.status}`) }));
  if (f.overdueOnly) out.push(t(`${k}.criteriaOverdue`));
  if (!hasOther(f)) out.push(t(`${k}.criteriaNoOther`));
  return out;
}

/** A printed register is a sheet to sign, not an export: beyond this many slips, use the Excel export. */
export const REGISTER_PRINT_MAX = 1000;

const dayText = (at: Date | null) => (at ? formatShanghai(at, "yyyy-MM-dd") : "");

function RegisterBody({ doc, t }: { doc: Register; t: PrintT }) {
  const k = (key: string) => t(`print.forms.borrowRegister.${key}` as never);
  const out = doc.rows.filter((r) => r.status === "lent" || r.status === "renewed").length;
  return (
    <>
      <style>{"@page { size: A4 landscape; }"}</style>
      <p className="pf-summary">{t("print.forms.borrowRegister.summary", { period: periodLabel(doc.period), basis: basisOf(doc.filters, t), count: doc.rows.length, out })}</p>
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
              <td colSpan={12}>{k(hasOther(doc.filters) ? "emptyFiltered" : "empty")}</td>
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

export const borrowRegisterForm = definePrintForm<Register, RegisterPrintFilters>({
  key: "borrow-register",
  isId: (id) => parsePeriodId(id) !== null,
  roles: REGISTER_READERS,
  entity: "BorrowRegister",
  filters: { parse: (sp) => printFiltersFromParams(Object.fromEntries([...sp.keys()].map((k) => [k, sp.getAll(k)]))), params: paramsOfPrintFilters },
  async load(db: Db, viewer, ids, filters = DEFAULT_FILTERS) {
    const out: Register[] = [];
    for (const id of ids) {
      const period = parsePeriodId(id);
      if (!period) throw new DomainError("NOT_FOUND");
      const { rows } = await registerRowsForExport(db, viewer.roles, { ...filters, from: period.from, to: period.to, sort: SORT_OF[filters.periodOf], dir: "asc" });
      if (rows.length > REGISTER_PRINT_MAX) throw new DomainError("BORROW_EXPORT_TOO_LARGE", { total: rows.length, max: REGISTER_PRINT_MAX });
      out.push({ period, filters, rows });
    }
    return out;
  },
  idOf: (d) => d.period.id,
  numberOf: (d) => d.period.id,
  titleOf: (_d, t) => t("print.forms.borrowRegister.title"),
  // The QR code opens the register page on the same list.
  portalPath: (d) => `/borrowing/register?${new URLSearchParams(Object.entries(paramsOfFilters({ ...d.filters, from: d.period.from, to: d.period.to })).filter((e): e is [string, string] => !!e[1])).toString()}`,
  criteriaOf: (d, t) => registerCriteria(d.filters, t),
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
