import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { COMPLAINT_RECEIVERS } from "@/server/domain/complaints/complaints.policy";
import { PageHeader } from "@/components/ui/card";
import { IntakeForm } from "@/components/complaints/intake-form";

export default async function NewComplaintPage() {
  await requireRoles(COMPLAINT_RECEIVERS);
  const t = await getTranslations("complaints");
  const options = await (await api()).complaints.formOptions();
  return (
    <>
      <PageHeader crumbs={`${t("crumbs")} / ${t("intakeTitle")}`} title={t("intakeTitle")} subtitle={t("intakeSubtitle")} />
      <IntakeForm categories={options.categories} replyDays={options.rules.replyDays} />
    </>
  );
}
