import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";
import { REPORT_WRITERS } from "@/server/domain/contacts/contacts.policy";
import { REPORT_KINDS } from "@/server/domain/contacts/report-periods";
import { REPORT_STATUSES } from "@/server/domain/contacts/reports.schema";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Tag } from "@/components/ui/tag";
import { cn } from "@/components/ui/cn";
import { ReportStatusTag } from "@/components/contacts/tags";
import { GenerateButton } from "@/components/contacts/report-actions";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("contactReports", "title");

type SearchParams = Partial<Record<"kind" | "status" | "page", string>>;
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? "") ? (v as T) : undefined);

async function ContactReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireModule("contacts");
  const sp = await searchParams;
  const t = await getTranslations("contactReports");
  const caller = await api();
  const kind = pick(REPORT_KINDS, sp.kind);
  const status = pick(REPORT_STATUSES, sp.status);
  const page = Math.max(1, Number(sp.page) || 1);
  const [board, list] = await Promise.all([caller.contacts.reports.board(), caller.contacts.reports.list({ kind, status, includeSuperseded: status === "superseded", page })]);
  const mayWrite = hasAnyRole(user.roles, REPORT_WRITERS);
  const filterLink = (k: string | undefined, label: string) => (
    <Link
      key={label}
      href={k ? `/contacts/reports?kind=${k}` : "/contacts/reports"}
      aria-current={kind === k ? "page" : undefined}
      className={cn("-mb-px border-b-2 px-3 py-2 text-sm", kind === k ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
    >
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      <Card title={t("board")} className="mb-4">
        <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-3" data-testid="report-board">
          {board.map((b) => (
            <li key={`${b.kind}:${b.periodKey}`} className={cn("flex items-center justify-between gap-3 rounded-md px-3 py-2 ring-1", b.isLate ? "bg-red-50 ring-red-200" : "bg-slate-50 ring-slate-200")} data-period={`${b.kind}:${b.periodKey}`}>
              <div className="min-w-0 text-sm">
                <div className="font-medium text-slate-800">
                  {t(`kinds.${b.kind}`)} <span className="tabular-nums">{b.periodLabel}</span>
                </div>
                <div className="text-xs text-slate-500">{t("due", { due: b.dueAt })}</div>
              </div>
              <div className="flex shrink-0 items-center gap-2">
                {b.isLate && <Tag tone="red">{t("late")}</Tag>}
                {b.status ? <ReportStatusTag status={b.status} /> : <Tag tone="grey">{t("notGenerated")}</Tag>}
                {b.reportId ? (
                  <Link href={`/contacts/reports/${b.reportId}`} className="text-sm text-brand-600 hover:underline">
                    {t("open")}
                  </Link>
                ) : (
                  mayWrite && b.canGenerate && <GenerateButton kind={b.kind} periodKey={b.periodKey} />
                )}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <nav aria-label={t("colKind")} className="mb-3 flex flex-wrap gap-1 border-b border-slate-200">
        {filterLink(undefined, t("allKinds"))}
        {REPORT_KINDS.map((k) => filterLink(k, t(`kinds.${k}`)))}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("colKind")}</Th>
                <Th>{t("colPeriod")}</Th>
                <Th>{t("colVersion")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th>{t("items.total")}</Th>
                <Th>{t("items.received")}</Th>
                <Th>{t("colGenerated")}</Th>
                <Th>{t("colSigned")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50" data-report={`${r.kind}:${r.periodKey}`}>
                  <Td className="whitespace-nowrap">{t(`kinds.${r.kind}`)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    <Link href={`/contacts/reports/${r.id}`} className="text-brand-600 hover:underline">
                      {r.periodLabel}
                    </Link>
                  </Td>
                  <Td className="tabular-nums">{r.reportVersion}</Td>
                  <Td>
                    <ReportStatusTag status={r.status} />
                  </Td>
                  <Td className="tabular-nums">{r.figures.contacts.total}</Td>
                  <Td className="tabular-nums">{r.figures.complaints.received}</Td>
                  <Td className="whitespace-nowrap text-xs">{`${r.generatedByName} ${formatShanghai(r.generatedAt)}`}</Td>
                  <Td className="whitespace-nowrap text-xs">{r.signedAt ? `${r.signedByName ?? ""} ${formatShanghai(r.signedAt)}` : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ kind, status }} />
        </>
      )}
    </>
  );
}

export default withClientMessages(["complaints", "contactReports", "contacts"], ContactReportsPage);
