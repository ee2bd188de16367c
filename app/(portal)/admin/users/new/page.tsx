import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("admin", "newUser");

async function NewUserPage() {
  await requireModule("admin");
  const [t, tn] = await Promise.all([getTranslations("admin"), getTranslations("nav")]);
  const departments = await (await api()).admin.listDepartments();
  return (
    <>
      <PageHeader
        crumbs={
          <>
            {tn("admin")} / <Link href="/admin/users" className="hover:underline">{tn("users")}</Link>
          </>
        }
        title={t("newUser")}
      />
      <Card className="max-w-2xl">
        <CreateUserForm departments={departments} />
      </Card>
    </>
  );
}

export default withClientMessages(["admin", "roles"], NewUserPage);
