import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getActionLabel } from "@/components/audit/action-label";
import { requireUser } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { MODULES, modulesFor } from "@/server/auth/access";
import { formatShanghai } from "@/server/domain/time";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Tag } from "@/components/ui/tag";

export default async function HomePage() {
  const user = await requireUser();
  const [t, tn, tr] = await Promise.all([getTranslations("home"), getTranslations("nav"), getTranslations("roles")]);
  const recent = await (await api()).account.recentActivity();
  const [label, format] = await Promise.all([getActionLabel(), getFormatter()]);
  return (
    <>
      <PageHeader title={t("welcome", { name: user.name })} subtitle={format.dateTime(new Date(), { dateStyle: "full", timeZone: "Asia/Shanghai" })} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("yourModules")} className="lg:col-span-2">
          <ul className="grid gap-3 sm:grid-cols-2">
            {modulesFor(user.roles).map((key) => (
              <li key={key}>
                {MODULES[key].available ? (
                  <Link href={MODULES[key].path} className="block rounded-md border border-slate-200 px-4 py-3 hover:border-brand-600 hover:bg-brand-50">
                    <span className="font-medium text-slate-800">{tn(key)}</span>
                  </Link>
                ) : (
                  <div className="flex items-center justify-between rounded-md border border-dashed border-slate-200 px-4 py-3 text-slate-400">
                    <span>{tn(key)}</span>
                    <Tag>{tn("comingSoon")}</Tag>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("yourRoles")}>
          <div className="flex flex-wrap gap-2">
            {user.roles.map((r) => (
              <Tag key={r} tone="blue">
                {tr(r)}
              </Tag>
            ))}
          </div>
        </Card>
        <Card title={t("recent")} className="lg:col-span-3">
          {recent.length === 0 ? (
            <EmptyState>{t("noRecent")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {recent.map((r, i) => (
                <li key={i} className="flex gap-4 py-2">
                  <span className="w-36 shrink-0 tabular-nums text-slate-500">{formatShanghai(r.at)}</span>
                  <span className="text-slate-800">{label(r.action)}</span>
                  <span className="text-slate-500">{r.entity}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
