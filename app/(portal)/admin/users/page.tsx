import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { ROLES, isRole } from "@/server/auth/roles";
import { PageHeader, EmptyState } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { Pagination } from "@/components/ui/pagination";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("admin", "usersTitle");

type Search = { q?: string; role?: string; status?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireModule("admin");
  const sp = await searchParams;
  const [t, tc, tr, tn] = await Promise.all([getTranslations("admin"), getTranslations("common"), getTranslations("roles"), getTranslations("nav")]);
  const status = sp.status === "active" || sp.status === "inactive" ? sp.status : "all";
  const data = await (await api()).admin.listUsers({
    q: sp.q || undefined,
    role: sp.role && isRole(sp.role) ? sp.role : undefined,
    status,
    page: Math.max(1, Number(sp.page) || 1),
    pageSize: 20,
  });
  return (
    <>
      <PageHeader
        crumbs={`${tn("admin")} / ${tn("users")}`}
        title={t("usersTitle")}
        actions={
          <LinkButton href="/admin/users/new">
            <Plus className="h-4 w-4" aria-hidden />
            {t("newUser")}
          </LinkButton>
        }
      />
      <form className="mb-3 flex flex-wrap items-center gap-2" role="search">
        <Input name="q" defaultValue={sp.q} placeholder={t("searchUsers")} aria-label={t("searchUsers")} className="w-56" />
        <Select name="role" defaultValue={sp.role ?? ""} aria-label={t("roles")} className="w-40">
          <option value="">{t("roles")}：{tc("all")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </Select>
        <Select name="status" defaultValue={status} aria-label={tc("status")} className="w-32">
          <option value="all">{tc("status")}：{tc("all")}</option>
          <option value="active">{tc("active")}</option>
          <option value="inactive">{tc("inactive")}</option>
        </Select>
        <Button type="submit" variant="secondary">
          {tc("search")}
        </Button>
        <Link href="/admin/users" className="text-sm text-slate-500 hover:text-slate-800">
          {tc("reset")}
        </Link>
      </form>
      {data.rows.length === 0 ? (
        <EmptyState>{t("noUsers")}</EmptyState>
      ) : (
        <Table caption={t("usersTitle")}>
          <thead>
            <tr>
              <Th>{t("loginName")}</Th>
              <Th>{t("displayName")}</Th>
              <Th>{t("department")}</Th>
              <Th>{t("roles")}</Th>
              <Th>{tc("status")}</Th>
              <Th className="text-right">{tc("actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.rows.map((u) => (
              <tr key={u.id} className="hover:bg-slate-50">
                <Td className="font-mono text-xs">{u.loginName}</Td>
                <Td className="font-medium text-slate-900">{u.displayName}</Td>
                <Td>{u.department?.name ?? "—"}</Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {u.roles.map((r) => (
                      <Tag key={r} tone="blue">
                        {tr(r)}
                      </Tag>
                    ))}
                  </div>
                </Td>
                <Td>
                  <div className="flex gap-1">
                    {u.isActive ? <Tag tone="green">{tc("active")}</Tag> : <Tag tone="grey">{tc("inactive")}</Tag>}
                    {u.mustChangePassword && <Tag tone="amber">{t("mustChange")}</Tag>}
                  </div>
                </Td>
                <Td className="text-right">
                  <Link href={`/admin/users/${u.id}`} className="text-brand-600 hover:underline">
                    {tc("edit")}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} params={{ q: sp.q, role: sp.role, status: sp.status }} />
    </>
  );
}
