import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { UnitGrid } from "@/components/units/unit-grid";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("units", "browseTitle");

// 项目 → 楼栋 → 房号, top floor first as on the building's elevation; each unit opens its 一户一档.
export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ projectId?: string; buildingId?: string }> }) {
  await requireModule("units");
  const sp = await searchParams;
  const uuid = (v?: string) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);
  const caller = await api();
  const [data, t, tn] = await Promise.all([caller.units.browse({ projectId: uuid(sp.projectId), buildingId: uuid(sp.buildingId) }), getTranslations("units"), getTranslations("nav")]);
  const project = data.projects.find((p) => p.id === data.projectId);
  const floors = new Map<number, typeof data.units>();
  for (const u of data.units) floors.set(u.floor ?? 0, [...(floors.get(u.floor ?? 0) ?? []), u]);
  const chip = (active: boolean) => cn("rounded-md px-3 py-1.5 text-sm", active ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-100" : "hover:bg-slate-50");
  return (
    <>
      <PageHeader crumbs={tn("units")} title={t("browseTitle")} subtitle={t("browseSubtitle")} />
      {data.projects.length === 0 ? (
        <EmptyState>{t("noProjects")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
          <Card title={t("projectsAndBuildings")}>
            <ul className="space-y-2" data-testid="unit-projects">
              {data.projects.map((p) => (
                <li key={p.id}>
                  <Link href={`?projectId=${p.id}`} className={chip(p.id === data.projectId && !data.buildingId)} aria-current={p.id === data.projectId ? "true" : undefined}>
                    {p.name} <span className="font-mono text-xs text-slate-400">{p.code}</span>
                  </Link>
                  {p.id === data.projectId && (
                    <ul className="ml-3 mt-1 space-y-0.5">
                      {p.buildings.map((b) => (
                        <li key={b.id}>
                          <Link href={`?projectId=${p.id}&buildingId=${b.id}`} className={cn(chip(b.id === data.buildingId), "flex justify-between")} aria-current={b.id === data.buildingId ? "true" : undefined}>
                            <span>{b.name}</span>
                            <span className="text-xs tabular-nums text-slate-500">{b.units}</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </Card>
          <Card title={project ? `${project.name} ${project.buildings.find((b) => b.id === data.buildingId)?.name ?? ""}` : t("units")}>
            {data.units.length === 0 ? (
              <EmptyState>{t("noUnits")}</EmptyState>
            ) : (
              <UnitGrid
                floors={[...floors.entries()].map(([floor, units]) => ({
                  floor,
                  label: t("floorShort", { floor }),
                  units: units.map((u) => ({ id: u.id, number: u.number, owners: u.owners.join("、") || t("noOwner") })),
                }))}
              />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
