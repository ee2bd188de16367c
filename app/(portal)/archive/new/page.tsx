import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { ARCHIVE_REGISTRARS } from "@/server/domain/archive/archive.policy";
import { shanghaiDay } from "@/server/domain/time";
import { PageHeader } from "@/components/ui/card";
import { RecordForm } from "@/components/archive/record-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("archive", "newRecordTitle");

async function NewRecordPage() {
  await requireRoles(ARCHIVE_REGISTRARS);
  const caller = await api();
  const [classes, projects, t, tn] = await Promise.all([caller.archive.records.classes({ activeOnly: true }), caller.archive.records.pickProjects(), getTranslations("archive"), getTranslations("nav")]);
  return (
    <>
      <PageHeader crumbs={tn("archive")} title={t("newRecordTitle")} />
      <RecordForm classes={classes} projects={projects} today={shanghaiDay(new Date())} />
    </>
  );
}

export default withClientMessages(["archive"], NewRecordPage);
