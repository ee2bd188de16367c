import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { BORROWERS } from "@/server/domain/borrowing/borrow.policy";
import { PageHeader } from "@/components/ui/card";
import { RequestForm } from "@/components/borrowing/request-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("borrowNew", "title");

/** 借阅申请: a new 借出单 (the due day proposed and limited by the admin's settings). */
async function NewBorrowRequestPage() {
  await requireRoles(BORROWERS);
  const t = await getTranslations("borrowNew");
  const defaults = await (await api()).borrowing.requests.formDefaults();
  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      <RequestForm defaults={defaults} />
    </>
  );
}

export default withClientMessages(["borrowNew", "borrowStatus", "borrowType", "borrowing", "errors"], NewBorrowRequestPage);
