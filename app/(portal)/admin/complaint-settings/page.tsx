import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { COMPLAINT_SETTINGS_ADMINS } from "@/server/domain/complaints/complaints.policy";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { AddCategoryForm, CategoryToggle, ServiceSettingsForm } from "@/components/complaints/settings-forms";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("complaintSettings", "title");

async function ComplaintSettingsPage() {
  await requireRoles(COMPLAINT_SETTINGS_ADMINS);
  const t = await getTranslations("complaintSettings");
  const tc = await getTranslations("common");
  const caller = await api();
  const [settings, categories] = await Promise.all([caller.complaints.settings.get(), caller.complaints.settings.categories()]);
  return (
    <>
      <PageHeader crumbs={t("title")} title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-4 xl:grid-cols-2">
        <Card title={`${t("clocks")} · ${t("repairs")}`}>
          <ServiceSettingsForm values={settings.values} approvers={settings.approvers} />
        </Card>
        <Card title={t("categories")}>
          <Table caption={t("categories")}>
            <thead>
              <tr>
                <Th>{t("code")}</Th>
                <Th>{t("name")}</Th>
                <Th>{t("sortOrder")}</Th>
                <Th>{tc("status")}</Th>
                <Th>{tc("actions")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {categories.map((c) => (
                <tr key={c.id}>
                  <Td className="font-mono text-xs">{c.code}</Td>
                  <Td>{c.name}</Td>
                  <Td className="tabular-nums">{c.sortOrder}</Td>
                  <Td>{c.isActive ? <Tag tone="green">{tc("active")}</Tag> : <Tag tone="grey">{tc("inactive")}</Tag>}</Td>
                  <Td>
                    <CategoryToggle category={c} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <AddCategoryForm />
        </Card>
      </div>
    </>
  );
}

export default withClientMessages(["clockWarnings", "complaintSettings"], ComplaintSettingsPage);
