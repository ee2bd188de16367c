import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { APPRAISAL_SCORERS } from "@/server/domain/appraisal/appraisal.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { NewAppraisalForm } from "@/components/appraisal/new-appraisal-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("appraisal", "newTitle");

async function NewAppraisalPage({ searchParams }: { searchParams: Promise<{ employeeId?: string; kind?: string }> }) {
  const user = await requireRoles(APPRAISAL_SCORERS);
  const sp = await searchParams;
  const t = await getTranslations("appraisal");
  const people = await (await api()).appraisal.appraisals.appraisable();
  const isManager = hasAnyRole(user.roles, ["manager"]);
  return (
    <>
      <PageHeader crumbs={`${t("crumbs")} / ${t("newTitle")}`} title={t("newTitle")} subtitle={t("newSubtitle")} />
      <Card className="max-w-2xl">
        {!isManager && <p className="mb-3 rounded bg-slate-50 p-2 text-xs text-slate-600">{t("checksOnly")}</p>}
        {people.length === 0 ? <EmptyState>{t("noAppraisable")}</EmptyState> : <NewAppraisalForm people={people} checksOnly={!isManager} initialEmployeeId={sp.employeeId} />}
      </Card>
    </>
  );
}

export default withClientMessages(["appraisal"], NewAppraisalPage);
