import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { CreateProjectForm } from "@/components/admin/create-project-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("admin", "projectsTitle");

async function ProjectsPage() {
  await requireModule("admin");
  const [t, tc, tn] = await Promise.all([getTranslations("admin"), getTranslations("common"), getTranslations("nav")]);
  const projects = await (await api()).admin.listProjects();
  return (
    <>
      <PageHeader crumbs={`${tn("admin")} / ${tn("projects")}`} title={t("projectsTitle")} />
      <Card title={t("newProject")} className="mb-4">
        <CreateProjectForm />
      </Card>
      {projects.length === 0 ? (
        <EmptyState>{t("noProjects")}</EmptyState>
      ) : (
        <Table caption={t("projectsTitle")}>
          <thead>
            <tr>
              <Th>{t("projectCode")}</Th>
              <Th>{t("projectName")}</Th>
              <Th>{t("city")}</Th>
              <Th>{t("address")}</Th>
              <Th className="text-right">{t("buildingCount")}</Th>
              <Th className="text-right">{t("unitCount")}</Th>
              <Th>{tc("status")}</Th>
              <Th className="text-right">{tc("actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {projects.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <Td className="font-mono text-xs">{p.code}</Td>
                <Td className="font-medium text-slate-900">{p.name}</Td>
                <Td>{p.city ?? "—"}</Td>
                <Td className="max-w-xs truncate">{p.address ?? "—"}</Td>
                <Td className="text-right tabular-nums">{p.buildingCount}</Td>
                <Td className="text-right tabular-nums">{p.unitCount}</Td>
                <Td>{p.isActive ? <Tag tone="green">{t("projectActive")}</Tag> : <Tag>{tc("inactive")}</Tag>}</Td>
                <Td className="text-right">
                  <Link href={`/admin/projects/${p.id}`} className="text-brand-600 hover:underline">
                    {t("buildings")}
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

export default withClientMessages(["admin"], ProjectsPage);
