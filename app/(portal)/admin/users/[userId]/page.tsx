import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { formatShanghai } from "@/server/domain/time";
import { Card, PageHeader } from "@/components/ui/card";
import { Tag } from "@/components/ui/tag";
import { UserProfileForm } from "@/components/admin/user-profile-form";
import { UserRolesForm } from "@/components/admin/user-roles-form";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { UserStatusActions } from "@/components/admin/user-status-actions";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).admin.getUser({ userId: id }));

export async function generateMetadata({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  return recordTitle("user", async () => { const x = await load(userId); return x.displayName; });
}

async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  await requireModule("admin");
  const { userId } = await params;
  const caller = await api();
  const [user, departments] = await Promise.all([orNotFound(load(userId)), caller.admin.listDepartments()]);
  const [t, tc, tn] = await Promise.all([getTranslations("admin"), getTranslations("common"), getTranslations("nav")]);
  const locked = !!user.signInLockedUntil;
  return (
    <>
      <PageHeader
        crumbs={
          <>
            {tn("admin")} / <Link href="/admin/users" className="hover:underline">{tn("users")}</Link>
          </>
        }
        title={
          <span className="flex items-center gap-3">
            {user.displayName}
            <span className="font-mono text-sm font-normal text-slate-500">{user.loginName}</span>
          </span>
        }
        subtitle={`${tc("createdAt")} ${formatShanghai(user.createdAt)}`}
        actions={
          <div className="flex gap-1">
            {user.isActive ? <Tag tone="green">{tc("active")}</Tag> : <Tag tone="grey">{tc("inactive")}</Tag>}
            {user.mustChangePassword && <Tag tone="amber">{t("mustChange")}</Tag>}
            {locked && <Tag tone="red">{formatShanghai(user.signInLockedUntil)}</Tag>}
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={tc("details")}>
          <UserProfileForm user={user} departments={departments} />
        </Card>
        <Card title={t("roles")}>
          <UserRolesForm userId={user.id} roles={user.roles} />
        </Card>
        <Card title={t("resetPassword")}>
          <ResetPasswordForm userId={user.id} />
        </Card>
        <Card title={tc("status")}>
          <UserStatusActions userId={user.id} isActive={user.isActive} isLocked={locked} />
        </Card>
      </div>
    </>
  );
}

export default withClientMessages(["admin", "auth", "roles"], UserPage);
