import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";
import { BORROW_SETTINGS_ADMINS } from "@/server/domain/borrowing/borrow.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { SettingsForm } from "@/components/borrowing/settings-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("borrowSettingsPage", "title");

/** 借阅设置 (admin): loan periods and the 机密 reviewer's role. */
async function BorrowSettingsPage() {
  await requireRoles(BORROW_SETTINGS_ADMINS);
  const t = await getTranslations("borrowSettingsPage");
  const { updatedAt, ...values } = await (await api()).borrowing.requests.settings();
  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      <Card title={updatedAt ? t("lastUpdated", { at: formatShanghai(updatedAt) }) : t("neverSaved")}>
        <SettingsForm values={{ ...values, secretApproverRole: values.secretApproverRole === "supervisor" ? "supervisor" : "manager" }} />
      </Card>
    </>
  );
}

export default withClientMessages(["borrowSettingsPage", "clockWarnings", "roles"], BorrowSettingsPage);
