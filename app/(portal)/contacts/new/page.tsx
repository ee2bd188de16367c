import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { CONTACT_RECORDERS } from "@/server/domain/contacts/contacts.policy";
import { PageHeader } from "@/components/ui/card";
import { ContactForm } from "@/components/contacts/contact-form";

export default async function NewContactPage() {
  await requireRoles(CONTACT_RECORDERS);
  const t = await getTranslations("contacts");
  return (
    <>
      <PageHeader crumbs={`${t("crumbs")} / ${t("newTitle")}`} title={t("newTitle")} subtitle={t("newSubtitle")} />
      <ContactForm />
    </>
  );
}
