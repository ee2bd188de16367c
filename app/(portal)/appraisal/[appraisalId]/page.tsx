import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { formatShanghai } from "@/server/domain/time";
import { APPRAISAL_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { Tag } from "@/components/ui/tag";
import { AppraisalKindTag, AppraisalStatusTag } from "@/components/appraisal/appraisal-tags";
import { ScoreSheet } from "@/components/appraisal/score-sheet";
import { FinaliseButton, ReasonAction, RespondForm } from "@/components/appraisal/appraisal-actions";
import { PrintButton } from "@/components/print/print-button";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// Another person's appraisal reads exactly like one that does not exist.
const read = cache(async (appraisalId: string) => (await api()).appraisal.appraisals.get({ appraisalId }));
const load = (appraisalId: string) => orNotFound(read(appraisalId));

export async function generateMetadata({ params }: { params: Promise<{ appraisalId: string }> }) {
  const { appraisalId } = await params;
  return recordTitle("appraisal", async () => { const a = await read(appraisalId); return `${a.employee.name} ${a.period}`; });
}

async function AppraisalPage({ params }: { params: Promise<{ appraisalId: string }> }) {
  await requireRoles(APPRAISAL_READERS);
  const { appraisalId } = await params;
  const a = await load(appraisalId);
  const t = await getTranslations("appraisal");
  const kind = t(`kinds.${a.kind}`);
  const info: [string, React.ReactNode][] = [
    [t("colEmployee"), `${a.employee.name}${a.employee.department ? ` · ${a.employee.department}` : ""}`],
    [t("colKind"), <AppraisalKindTag key="k" kind={a.kind} />],
    [t("colPeriod"), <span key="p" className="font-mono">{a.period}</span>],
    [t("colTemplate"), t("templateVersion", { audience: t(`audiences.${a.template.audience}`), version: a.template.version })],
    [t("colStatus"), <AppraisalStatusTag key="s" status={a.status} response={a.response} />],
    [t("createdBy"), `${a.createdBy ?? "—"} · ${formatShanghai(a.createdAt)}`],
    [t("scoredBy"), a.scoredBy ? `${a.scoredBy} · ${formatShanghai(a.scoredAt)}` : "—"],
    [t("finalisedBy"), a.finalisedBy ? `${a.finalisedBy} · ${formatShanghai(a.finalisedAt)}` : "—"],
  ];

  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/appraisal" className="hover:underline">
              {t("crumbs")}
            </Link>{" "}
            / {a.employee.name}
          </>
        }
        title={`${a.employee.name} · ${kind} ${a.period}`}
        actions={
          <span className="flex items-center gap-3">
            <PrintButton form="appraisal" id={a.id} />
            <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="appraisal-total">
              {a.total}
            </span>
          </span>
        }
      />

      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-4">
          {a.correctsId && (
            <p className="rounded-md bg-violet-50 p-3 text-sm text-violet-900 ring-1 ring-violet-200">
              {t.rich("correctionOf", {
                link: (chunks) => (
                  <Link href={`/appraisal/${a.correctsId}`} className="underline" data-testid="original-link">
                    {chunks}
                  </Link>
                ),
                reason: a.correctionReason ?? "",
              })}
            </p>
          )}
          {a.correctedById && (
            <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
              {t.rich("correctedBy", {
                link: (chunks) => (
                  <Link href={`/appraisal/${a.correctedById}`} className="underline" data-testid="correction-link">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
          {a.status === "finalised" && (
            <p className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200" data-testid="finalised-note">
              {t("finalisedLocked")}
            </p>
          )}
          <ScoreSheet
            appraisalId={a.id}
            items={a.template.items}
            maxima={a.template.maxima}
            deductions={a.deductions}
            adjustments={a.adjustments}
            summary={a.summary}
            editable={a.can.edit}
            canScore={a.can.score}
          />
        </div>

        <aside className="space-y-4">
          <Card title={t("info")}>
            <dl className="space-y-2 text-sm">
              {info.map(([k, v]) => (
                <div key={k} className="flex justify-between gap-3">
                  <dt className="shrink-0 text-slate-500">{k}</dt>
                  <dd className="text-right text-slate-800">{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {a.response && (
            <Card title={t("employeeResponse")}>
              <p className="text-sm">
                <Tag tone={a.response === "disputed" ? "red" : "green"}>{t(`responses.${a.response}`)}</Tag>{" "}
                <span className="text-xs text-slate-500">{formatShanghai(a.respondedAt)}</span>
              </p>
              {a.responseComment && <p className="mt-2 text-sm text-slate-700">{a.responseComment}</p>}
            </Card>
          )}
          {a.can.respond && (
            <Card title={t("respondTitle")} className="ring-amber-300">
              <RespondForm appraisalId={a.id} />
            </Card>
          )}
          {a.status === "scored" && !a.can.respond && <p className="text-sm text-amber-700">{t("awaitingResponse")}</p>}
          {a.can.finalise && (
            <Card title={t("finaliseTitle")}>
              <FinaliseButton appraisalId={a.id} confirmText={t("confirmFinalise", { name: a.employee.name, kind, period: a.period })} />
            </Card>
          )}
          {a.status === "confirmed" && !a.can.finalise && <p className="text-sm text-blue-700">{t("awaitingFinal")}</p>}
          {a.can.reopen && (
            <Card title={t("reopenTitle")}>
              <ReasonAction appraisalId={a.id} mode="reopen" />
            </Card>
          )}
          {a.can.correct && (
            <Card title={t("correctTitle")}>
              <ReasonAction appraisalId={a.id} mode="correct" />
            </Card>
          )}
        </aside>
      </div>
    </>
  );
}

export default withClientMessages(["appraisal"], AppraisalPage);
