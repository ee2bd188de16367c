import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Search } from "lucide-react";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { APPRAISAL_READERS, APPRAISAL_SCORERS } from "@/server/domain/appraisal/appraisal.policy";
import { KINDS } from "@/server/domain/appraisal/dimensions";
import { APPRAISAL_STATUSES } from "@/server/domain/appraisal/appraisal.machine";
import { PageHeader, EmptyState } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { kindTone } from "@/components/appraisal/appraisal-tags";
import { STATUS_TONE } from "@/components/appraisal/status-tone";
import { AppraisalRows, type AppraisalRow } from "@/components/appraisal/appraisal-rows";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("appraisal", "title");

type Search = Partial<Record<"year" | "month" | "kind" | "status" | "q" | "sort" | "dir" | "page", string>>;

const int = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const pick = <T extends string>(v: string | undefined, allowed: readonly T[]) => (allowed.includes(v as T) ? (v as T) : undefined);

export default async function AppraisalListPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireModule("appraisal");
  // The admin keeps the templates and sees nobody's results.
  if (!hasAnyRole(user.roles, APPRAISAL_READERS)) redirect("/appraisal/templates");
  const sp = await searchParams;
  const t = await getTranslations("appraisal");
  const caller = await api();
  const isScorer = hasAnyRole(user.roles, APPRAISAL_SCORERS);
  const thisYear = new Date().getFullYear();
  const input = {
    year: int(sp.year),
    month: int(sp.month),
    kind: pick(sp.kind, KINDS),
    status: pick(sp.status, APPRAISAL_STATUSES),
    q: sp.q?.trim() || undefined,
    sort: pick(sp.sort, ["period", "total", "name", "status"] as const) ?? "period",
    dir: pick(sp.dir, ["asc", "desc"] as const) ?? "desc",
    page: Math.max(1, int(sp.page) ?? 1),
  };
  const [list, waiting] = await Promise.all([caller.appraisal.appraisals.list(input), caller.appraisal.appraisals.list({ status: "scored", employeeId: user.id, pageSize: 20 })]);
  const rows: AppraisalRow[] = list.rows.map((r) => ({
    id: r.id,
    employeeName: r.employee.name,
    correction: r.correctsId ? t("correctionRecord") : null,
    kind: { label: t(`kinds.${r.kind}`), tone: kindTone(r.kind) },
    period: r.period,
    scores: [String(r.scores.de), String(r.scores.qin), String(r.scores.neng), String(r.scores.ji)],
    penalty: r.penalty !== "0.00" ? `-${r.penalty}` : "",
    commendation: r.commendation !== "0.00" ? `+${r.commendation}` : "",
    total: String(r.total),
    status: { label: t(`statuses.${r.status}`), tone: STATUS_TONE[r.status]! },
    disputed: r.response === "disputed" ? t("responses.disputed") : null,
    superseded: r.supersededBy ? t("supersededTag") : null,
    scoredAt: formatShanghai(r.scoredAt) || "—",
  }));
  const years = Array.from({ length: 4 }, (_, i) => thisYear - i);

  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={isScorer ? t("subtitleTeam") : t("subtitleStaff")} actions={isScorer ? <LinkButton href="/appraisal/new">{t("newTitle")}</LinkButton> : undefined} />

      {waiting.rows.length > 0 && (
        <div className="mb-4 rounded-lg bg-amber-50 p-3 text-sm ring-1 ring-amber-200" data-testid="awaiting-ack">
          <p className="mb-1 font-medium text-amber-900">{t("respondTitle")}</p>
          <ul className="space-y-0.5">
            {waiting.rows.map((r) => (
              <li key={r.id}>
                <Link href={`/appraisal/${r.id}`} className="text-brand-600 hover:underline">
                  {t(`kinds.${r.kind}`)} {r.period} · {t("total")} {r.total}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form role="search" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        {isScorer && <Input name="q" defaultValue={sp.q} placeholder={t("filterName")} aria-label={t("filterName")} className="w-40" />}
        <Select name="year" defaultValue={sp.year ?? ""} aria-label={t("filterYear")} className="w-28">
          <option value="">{t("filterYear")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        <Select name="month" defaultValue={sp.month ?? ""} aria-label={t("filterMonth")} className="w-28">
          <option value="">{t("allMonths")}</option>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </Select>
        <Select name="kind" defaultValue={sp.kind ?? ""} aria-label={t("filterKind")} className="w-32">
          <option value="">{t("filterKind")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
        <Select name="status" defaultValue={sp.status ?? ""} aria-label={t("filterStatus")} className="w-28">
          <option value="">{t("filterStatus")}</option>
          {APPRAISAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
        <Select name="sort" defaultValue={input.sort} aria-label={t("sortBy")} className="w-28">
          {(["period", "total", "name", "status"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </Select>
        <Select name="dir" defaultValue={input.dir} aria-label={t("sortBy")} className="w-24">
          {(["desc", "asc"] as const).map((d) => (
            <option key={d} value={d}>
              {t(`dirs.${d}`)}
            </option>
          ))}
        </Select>
        <Button type="submit">
          <Search className="h-4 w-4" aria-hidden />
        </Button>
        <Link href="/appraisal" className="text-sm text-slate-500 hover:text-slate-800">
          ×
        </Link>
      </form>

      {list.rows.length === 0 ? (
        <EmptyState>{isScorer ? t("emptyScorer") : t("empty")}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("colEmployee")}</Th>
                <Th>{t("colKind")}</Th>
                <Th>{t("colPeriod")}</Th>
                {(["de", "qin", "neng", "ji"] as const).map((d) => (
                  <Th key={d} className="text-right">
                    {t(`dimensions.${d}`)}
                  </Th>
                ))}
                <Th className="text-right">{t("colPenalty")}</Th>
                <Th className="text-right">{t("colCommendation")}</Th>
                <Th className="text-right">{t("colTotal")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th>{t("colScoredAt")}</Th>
              </tr>
            </thead>
            <AppraisalRows rows={rows} />
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ year: sp.year, month: sp.month, kind: sp.kind, status: sp.status, q: sp.q, sort: sp.sort, dir: sp.dir }} />
        </>
      )}
    </>
  );
}
