import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { APPRAISAL_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { buttonClass } from "@/components/ui/button";
import { PeriodSelect, yearOf } from "@/components/appraisal/period-select";

function Part({ value, missing }: { value: string | null; missing: string }) {
  return value === null ? <span className="text-amber-700">{missing}</span> : <>{value}</>;
}

export default async function YearEndPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requireRoles(APPRAISAL_READERS);
  const year = yearOf((await searchParams).year);
  const t = await getTranslations("appraisalYearEnd");
  const ts = await getTranslations("appraisalStats");
  const ta = await getTranslations("appraisal");
  const table = await (await api()).appraisal.reports.yearEndTable({ year });
  const missing = t("missing");
  return (
    <>
      <PageHeader
        crumbs={`${ta("crumbs")} / ${t("title")}`}
        title={`${t("tableTitle")} · ${year}`}
        subtitle={t("subtitle")}
        actions={
          <>
            <PeriodSelect year={year} />
            <a className={buttonClass("secondary")} href={`/api/appraisal/export?table=annual&year=${year}&format=xlsx`}>
              {ts("exportXlsx")}
            </a>
            <a className={buttonClass("secondary")} href={`/api/appraisal/export?table=annual&year=${year}&format=csv`}>
              {ts("exportCsv")}
            </a>
          </>
        }
      />
      {table.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <Table caption={t("tableTitle")}>
          <thead>
            <tr>
              <Th className="text-right">{t("colRank")}</Th>
              <Th>{t("colName")}</Th>
              {Array.from({ length: 12 }, (_, m) => (
                <Th key={m} className="px-1.5 text-right">
                  {t("colMonth", { month: m + 1 })}
                </Th>
              ))}
              <Th className="text-right">{t("colChecks")}</Th>
              <Th className="text-right">{t("colMonthly")}</Th>
              <Th className="text-right">{t("colYearEnd")}</Th>
              <Th className="text-right">{t("colTotal")}</Th>
              <Th className="text-right">{t("colPending")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((r) => (
              <tr key={r.employee.id} className="hover:bg-slate-50" data-testid={`year-end-row-${r.employee.name}`}>
                <Td className="text-right tabular-nums">{r.rank ?? "—"}</Td>
                <Td className="whitespace-nowrap">
                  <Link href={`/appraisal/year-end/${r.employee.id}?year=${year}`} className="font-medium text-brand-600 hover:underline">
                    {r.employee.name}
                  </Link>
                  {r.formula.outstanding && (
                    <span className="ml-1">
                      <Tag tone="violet">{t("outstanding")}</Tag>
                    </span>
                  )}
                </Td>
                {r.months.map((m, i) => (
                  <Td key={i} className="px-1.5 text-right text-xs tabular-nums text-slate-500">
                    {m?.replace(/\.00$/, "") ?? ""}
                  </Td>
                ))}
                <Td className="text-right tabular-nums">
                  <Part value={r.formula.checksMean} missing={missing} />
                </Td>
                <Td className="text-right tabular-nums">
                  <Part value={r.formula.monthlyMean} missing={missing} />
                </Td>
                <Td className="text-right tabular-nums">
                  <Part value={r.formula.yearEnd} missing={missing} />
                </Td>
                <Td className="text-right font-semibold tabular-nums" data-testid="year-end-total">
                  {r.formula.total ?? <span className="whitespace-nowrap text-xs font-normal text-amber-700">{t("missingParts", { parts: r.formula.missing.map((p) => t(`parts.${p}`)).join("、") })}</span>}
                </Td>
                <Td className="text-right tabular-nums">{r.pending || ""}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="mt-2 text-xs text-slate-500">{t("roundingNote")}</p>
    </>
  );
}
