import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { ARCHIVE_KEEPERS } from "@/server/domain/archive/archive.policy";
import { PageHeader } from "@/components/ui/card";
import { HandoverNewForm } from "@/components/archive/handover-new-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("handover", "newTitle");

async function NewHandoverPage() {
  await requireRoles(ARCHIVE_KEEPERS);
  const t = await getTranslations("handover");
  const options = await (await api()).archive.handover.options();
  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/archive/handover" className="hover:underline">
              {t("crumbs")}
            </Link>{" "}
            / {t("newTitle")}
          </>
        }
        title={t("newTitle")}
        subtitle={t("newSubtitle")}
      />
      <HandoverNewForm projects={options.projects} classes={options.classes} />
    </>
  );
}

export default withClientMessages(["handover"], NewHandoverPage);
