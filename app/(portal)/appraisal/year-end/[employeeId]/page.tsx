import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { APPRAISAL_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { AppraisalKindTag, AppraisalStatusTag } from "@/components/appraisal/appraisal-tags";
import { PeriodSelect, yearOf } from "@/components/appraisal/period-select";
import { PrintButton } from "@/components/print/print-button";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

const read = cache(async (year: number, employeeId: string) => (await api()).appraisal.reports.yearEndRecord({ year, employeeId }));

export async function generateMetadata({ params, searchParams }: { params: Promise<{ employeeId: string }>; searchParams: Promise<{ year?: string }> }) {
  const [{ employeeId }, { year }] = await Promise.all([params, searchParams]);
  return recordTitle("yearEnd", async () => { const y = yearOf(year); const r = await read(y, employeeId); return `${r.employee.name} ${y}`; });
}

export default async function YearEndRecordPage({ params, searchParams }: { params: Promise<{ employeeId: string }>; searchParams: Promise<{ year?: string }> }) {
  await requireRoles(APPRAISAL_READERS);
  const { employeeId } = await params;
  const year = yearOf((await searchParams).year);
  const t = await getTranslations("appraisalYearEnd");
  const ta = await getTranslations("appraisal");
  const rec = await orNotFound(read(year, employeeId));
  const f = rec.formula;
  const show = (v: string | null) => v ?? t("missing");
  // 员工年终绩效考核记录表 is printed from the year's 年终考评 (its correction, when there is one).
  const yearEnd = [...rec.entries].reverse().find((e) => e.kind === "year_end" && !e.superseded);
  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href={`/appraisal/year-end?year=${year}`} className="hover:underline">
              {t("title")}
            </Link>{" "}
            / {rec.employee.name}
          </>
        }
        title={`${t("recordTitle")} · ${rec.employee.name} · ${year}`}
        subtitle={t("subtitle")}
        actions={
          <div className="flex items-center gap-2">
            {yearEnd && <PrintButton form="appraisal" id={yearEnd.id} />}
            <PeriodSelect year={year} />
          </div>
        }
      />
      <Card title={t("formula")} className="mb-4">
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">{t("colChecks")}</dt>
            <dd className="text-lg tabular-nums" data-testid="part-checks">
              {show(f.checksMean)} <span className="text-xs text-slate-500">({t("colCount")} {f.checksCount})</span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("colMonthly")}</dt>
            <dd className="text-lg tabular-nums" data-testid="part-monthly">
              {show(f.monthlyMean)} <span className="text-xs text-slate-500">({t("colCount")} {f.monthlyCount})</span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("colYearEnd")}</dt>
            <dd className="text-lg tabular-nums" data-testid="part-year-end">
              {show(f.yearEnd)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("colTotal")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="record-total">
              {f.total ?? <span className="text-base text-amber-700">{t("missingParts", { parts: f.missing.map((p) => t(`parts.${p}`)).join("、") })}</span>}
              {f.outstanding && (
                <span className="ml-2 align-middle">
                  <Tag tone="violet">{t("outstanding")}</Tag>
                </span>
              )}
            </dd>
          </div>
        </dl>
        {f.total && (
          <p className="mt-3 font-mono text-sm text-slate-700" data-testid="formula-line">
            {t("formulaLine", { checks: f.checksMean!, monthly: f.monthlyMean!, yearEnd: f.yearEnd!, total: f.total })}
          </p>
        )}
        <p className="mt-2 text-xs text-slate-500">{t("roundingNote")}</p>
      </Card>
      <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("entries")}</h2>
      {rec.entries.length === 0 ? (
        <EmptyState>{t("noEntries")}</EmptyState>
      ) : (
        <Table caption={t("entries")}>
          <thead>
            <tr>
              <Th>{ta("colKind")}</Th>
              <Th>{ta("colPeriod")}</Th>
              <Th className="text-right">{ta("colTotal")}</Th>
              <Th>{ta("colStatus")}</Th>
              <Th>{t("counted")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rec.entries.map((e) => (
              <tr key={e.id} className="hover:bg-slate-50">
                <Td>
                  <AppraisalKindTag kind={e.kind} />
                </Td>
                <Td className="font-mono text-xs">
                  <Link href={`/appraisal/${e.id}`} className="text-brand-600 hover:underline">
                    {e.period}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">{e.total}</Td>
                <Td>
                  <AppraisalStatusTag status={e.status as "draft"} />
                </Td>
                <Td className="text-xs">
                  {e.counted ? (
                    <Tag tone="green">{t("counted")}</Tag>
                  ) : (
                    <span className="text-slate-500">
                      {t("notCounted")}：{e.kind === "spot_check" ? t("notCountedSpot") : e.superseded ? t("notCountedSuperseded") : t("notCountedPending")}
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
