import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { CONTACT_RECORDERS } from "@/server/domain/contacts/contacts.policy";
import { PageHeader } from "@/components/ui/card";
import { ContactForm } from "@/components/contacts/contact-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("contacts", "newTitle");

async function NewContactPage() {
  await requireRoles(CONTACT_RECORDERS);
  const t = await getTranslations("contacts");
  return (
    <>
      <PageHeader crumbs={`${t("crumbs")} / ${t("newTitle")}`} title={t("newTitle")} subtitle={t("newSubtitle")} />
      <ContactForm />
    </>
  );
}

export default withClientMessages(["complaints", "contacts"], NewContactPage);
