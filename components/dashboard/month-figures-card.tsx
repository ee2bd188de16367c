import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { HomeDashboard } from "@/server/domain/dashboard/dashboard.service";
import { Card } from "@/components/ui/card";
import { StatGrid, StatLink } from "./stat-link";

type Figures = HomeDashboard["figures"];
const pct = (r: { percent: string | null }) => (r.percent === null ? "—" : `${r.percent}%`);

/** 本月关键数据 (Shanghai month), each figure linking to the list or statistics it comes from. */
export async function MonthFiguresCard({ f }: { f: Figures }) {
  const t = await getTranslations("dashboard");
  if (!f.complaints && !f.loans && !f.archive && !f.appraisals) return null;
  const period = `from=${f.from}&to=${f.to}`;
  const months = `from=${f.month}&to=${f.month}`;
  return (
    <Card title={t("figures", { month: f.month })} className="lg:col-span-3" actions={<Link href="/statistics" className="text-sm text-brand-700 hover:underline">{t("statisticsLink")}</Link>}>
      <div className="grid gap-4 lg:grid-cols-2" data-testid="dash-figures">
        {f.complaints && (
          <section>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("figuresComplaints")}</h3>
            <StatGrid>
              <StatLink href={`/complaints/stats?${period}`} label={t("received")} value={f.complaints.received} testId="dash-fig-received" />
              <StatLink href="/complaints?status=closed" label={t("closed")} value={f.complaints.closed} testId="dash-fig-closed" />
              <StatLink href={`/complaints/stats?${period}`} label={t("onTimeReply")} value={pct(f.complaints.onTimeReply)} hint={t("rateOf", { num: f.complaints.onTimeReply.num, den: f.complaints.onTimeReply.den })} />
              <StatLink href={`/complaints/stats?${period}`} label={t("callbackRate")} value={pct(f.complaints.callbackRate)} hint={t("rateOf", { num: f.complaints.callbackRate.num, den: f.complaints.callbackRate.den })} />
            </StatGrid>
          </section>
        )}
        {f.loans && (
          <section>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("figuresLoans")}</h3>
            <StatGrid>
              <StatLink href={`/borrowing/register?${period}&periodOf=lent`} label={t("lent")} value={f.loans.lent} testId="dash-fig-lent" />
              <StatLink href={`/borrowing/register?${period}&periodOf=returned`} label={t("returned")} value={f.loans.returned} testId="dash-fig-returned" />
              <StatLink href="/borrowing/register?overdue=1" label={t("overdueNow")} value={f.loans.overdue} alert testId="dash-fig-overdue" />
            </StatGrid>
          </section>
        )}
        {f.archive && (
          <section>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("figuresArchive")}</h3>
            <StatGrid>
              <StatLink href={`/archive/statistics?${months}`} label={t("added")} value={f.archive.added} testId="dash-fig-added" />
              <StatLink
                href="/archive/client-files?incomplete=1"
                label={t("completeness")}
                value={pct(f.archive.completeRate)}
                hint={t("completeOf", { complete: f.archive.complete, total: f.archive.clientFiles })}
                testId="dash-fig-completeness"
              />
            </StatGrid>
          </section>
        )}
        {f.appraisals && (
          <section>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("figuresAppraisals")}</h3>
            <StatGrid>
              <StatLink href="/appraisal?status=finalised" label={t("finalised")} value={f.appraisals.finalised} testId="dash-fig-finalised" />
            </StatGrid>
          </section>
        )}
      </div>
    </Card>
  );
}
