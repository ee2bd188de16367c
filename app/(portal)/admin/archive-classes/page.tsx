import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { CLASS_ADMINS } from "@/server/domain/archive/archive.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { CreateClassForm } from "@/components/archive/class-forms";
import { RetentionLabel } from "@/components/archive/retention-label";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("archive", "classesTitle");

async function ArchiveClassesPage() {
  await requireRoles(CLASS_ADMINS);
  const [t, tc, tn] = await Promise.all([getTranslations("archive"), getTranslations("common"), getTranslations("nav")]);
  const classes = await (await api()).archive.records.classes({ activeOnly: false });
  return (
    <>
      <PageHeader crumbs={`${tn("admin")} / ${tn("archiveClasses")}`} title={t("classesTitle")} />
      <Card title={t("newClass")} className="mb-4">
        <CreateClassForm />
      </Card>
      {classes.length === 0 ? (
        <EmptyState>{t("noClasses")}</EmptyState>
      ) : (
        <Table caption={t("classesTitle")}>
          <thead>
            <tr>
              <Th>{t("classCode")}</Th>
              <Th>{t("className")}</Th>
              <Th>{t("defaultRetention")}</Th>
              <Th className="text-right">{t("checklistCount")}</Th>
              <Th className="text-right">{t("recordCount")}</Th>
              <Th>{tc("status")}</Th>
              <Th className="text-right">{tc("actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {classes.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <Td className="font-mono text-xs">{c.code}</Td>
                <Td className="font-medium text-slate-900">
                  {c.name} {c.isClientFile && <Tag tone="violet">{t("clientFileTag")}</Tag>}
                </Td>
                <Td>
                  <RetentionLabel years={c.retentionYears} />
                </Td>
                <Td className="text-right tabular-nums">{c.checklistCount}</Td>
                <Td className="text-right tabular-nums">{c.recordCount}</Td>
                <Td>{c.isActive ? <Tag tone="green">{t("classActive")}</Tag> : <Tag>{tc("inactive")}</Tag>}</Td>
                <Td className="text-right">
                  <Link href={`/admin/archive-classes/${c.id}`} className="text-brand-600 hover:underline">
                    {tc("edit")}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

export default withClientMessages(["archive"], ArchiveClassesPage);
