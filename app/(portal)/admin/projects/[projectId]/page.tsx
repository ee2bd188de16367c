import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CreateBuildingForm } from "@/components/admin/create-building-form";
import { CreateUnitForm, GenerateUnitsForm } from "@/components/admin/unit-forms";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).admin.getProject({ projectId: id }));

export async function generateMetadata({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return recordTitle("project", async () => { const x = await load(projectId); return x.name; });
}

async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ building?: string }> }) {
  await requireModule("admin");
  const [{ projectId }, { building: buildingParam }] = await Promise.all([params, searchParams]);
  const caller = await api();
  const project = await orNotFound(load(projectId));
  const selected = project.buildings.find((b) => b.id === buildingParam) ?? project.buildings[0];
  const units = selected ? await caller.admin.listUnits({ buildingId: selected.id }) : [];
  const [t, tn] = await Promise.all([getTranslations("admin"), getTranslations("nav")]);
  // Units shown floor by floor, top floor first, as on a building's elevation drawing.
  const floors = new Map<number, typeof units>();
  for (const u of units) floors.set(u.floor ?? 0, [...(floors.get(u.floor ?? 0) ?? []), u]);
  const floorList = [...floors.entries()].sort((a, b) => b[0] - a[0]);
  return (
    <>
      <PageHeader
        crumbs={
          <>
            {tn("admin")} / <Link href="/admin/projects" className="hover:underline">{tn("projects")}</Link>
          </>
        }
        title={
          <span className="flex items-center gap-3">
            {project.name}
            <span className="font-mono text-sm font-normal text-slate-500">{project.code}</span>
          </span>
        }
        subtitle={[project.city, project.address].filter(Boolean).join(" · ")}
      />
      <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
        <Card title={t("buildings")}>
          {project.buildings.length === 0 ? (
            <EmptyState>{t("noBuildings")}</EmptyState>
          ) : (
            <ul className="space-y-1" aria-label={t("buildings")}>
              {project.buildings.map((b) => (
                <li key={b.id}>
                  <Link
                    href={`?building=${b.id}`}
                    aria-current={b.id === selected?.id ? "true" : undefined}
                    className={cn(
                      "flex items-center justify-between rounded-md px-3 py-2 text-sm",
                      b.id === selected?.id ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-100" : "hover:bg-slate-50",
                    )}
                  >
                    <span>{b.name}</span>
                    <span className="text-xs tabular-nums text-slate-500">{b.unitCount}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-4">
          <Card title={t("newBuilding")}>
            <CreateBuildingForm projectId={project.id} nextOrder={project.buildings.length + 1} />
          </Card>
          {selected && (
            <Card title={`${selected.name} · ${t("units")}（${units.length}）`}>
              <div className="space-y-4">
                <GenerateUnitsForm buildingId={selected.id} />
                <CreateUnitForm buildingId={selected.id} />
                {units.length === 0 ? (
                  <EmptyState>{t("noUnits")}</EmptyState>
                ) : (
                  <div className="space-y-1" data-testid="unit-grid">
                    {floorList.map(([floor, list]) => (
                      <div key={floor} className="flex items-center gap-2">
                        <span className="w-10 shrink-0 text-right text-xs tabular-nums text-slate-400">{floor}F</span>
                        <div className="flex flex-wrap gap-1">
                          {list.map((u) => (
                            <span key={u.id} title={u.areaSqm ? `${u.areaSqm.toString()} ㎡` : undefined} className="rounded border border-slate-200 bg-white px-2 py-0.5 font-mono text-xs text-slate-700">
                              {u.number}
                            </span>
                          ))}
                        </div>
                      </div>
                    ))}
                  </div>
                )}
              </div>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

export default withClientMessages(["admin"], ProjectPage);
