import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { COMPLAINT_RECEIVERS } from "@/server/domain/complaints/complaints.policy";
import { PageHeader } from "@/components/ui/card";
import { IntakeForm } from "@/components/complaints/intake-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("complaints", "intakeTitle");

async function NewComplaintPage({ searchParams }: { searchParams: Promise<{ fromContact?: string }> }) {
  await requireRoles(COMPLAINT_RECEIVERS);
  const t = await getTranslations("complaints");
  const options = await (await api()).complaints.formOptions();
  // 转投诉 from a 来电来访登记 entry (issue 9 §0): the intake starts from what the desk recorded.
  const { fromContact } = await searchParams;
  const prefill = fromContact && /^[0-9a-f-]{36}$/.test(fromContact) ? await (await api()).contacts.complaintPrefill({ contactId: fromContact }).catch(() => null) : null;
  return (
    <>
      <PageHeader crumbs={`${t("crumbs")} / ${t("intakeTitle")}`} title={t("intakeTitle")} subtitle={t("intakeSubtitle")} />
      <IntakeForm categories={options.categories} replyDays={options.rules.replyDays} prefill={prefill} />
    </>
  );
}

export default withClientMessages(["complaints", "contacts"], NewComplaintPage);
