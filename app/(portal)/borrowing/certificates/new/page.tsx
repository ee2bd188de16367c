import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { CERTIFICATE_CLERKS } from "@/server/domain/borrowing/borrow.policy";
import { PageHeader } from "@/components/ui/card";
import { CertificateForm } from "@/components/borrowing/certificate-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("certificates", "newTitle");

async function NewCertificateHandoutPage() {
  await requireRoles(CERTIFICATE_CLERKS);
  const caller = await api();
  const [projects, t] = await Promise.all([caller.borrowing.certificates.projects(), getTranslations("certificates")]);
  return (
    <>
      <PageHeader crumbs={`${t("crumbs")} / ${t("title")}`} title={t("newTitle")} subtitle={t("newSubtitle")} />
      <CertificateForm projects={projects} />
    </>
  );
}

export default withClientMessages(["certificates"], NewCertificateHandoutPage);
