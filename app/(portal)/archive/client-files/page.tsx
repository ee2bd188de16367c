import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { api } from "@/server/api/server";
import { ARCHIVE_REGISTRARS } from "@/server/domain/archive/archive.policy";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { ClientFileRows } from "@/components/archive/client-file-rows";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("archive", "clientFilesTitle");

type Search = { project?: string; building?: string; incomplete?: string; page?: string };
const UUID = /^[0-9a-f-]{36}$/i;

export default async function ClientFilesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireModule("archive");
  const sp = await searchParams;
  const projectId = sp.project && UUID.test(sp.project) ? sp.project : undefined;
  const buildingId = sp.building && UUID.test(sp.building) ? sp.building : undefined;
  const incompleteOnly = sp.incomplete === "1";
  const page = Math.max(1, Number(sp.page) || 1);
  const caller = await api();
  const [projects, list, t, ts, tc, tn] = await Promise.all([
    caller.archive.records.pickProjects(),
    caller.archive.records.clientFiles({ projectId, buildingId, incompleteOnly, page, pageSize: 30 }),
    getTranslations("archive"),
    getTranslations("archive.status"),
    getTranslations("common"),
    getTranslations("nav"),
  ]);
  const buildings = projects.find((p) => p.id === projectId)?.buildings ?? [];
  return (
    <>
      <PageHeader
        crumbs={tn("archive")}
        title={t("clientFilesTitle")}
        subtitle={t("clientFilesHint")}
        actions={hasAnyRole(user.roles, ARCHIVE_REGISTRARS) ? <LinkButton href="/archive/new">{t("orNew")}</LinkButton> : undefined}
      />
      <form method="get" className="mb-3 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-label={tc("filter")}>
        <div className="text-sm">
          <label htmlFor="f-project" className="mb-1 block text-slate-600">{t("project")}</label>
          <Select id="f-project" name="project" defaultValue={projectId ?? ""} className="w-44">
            <option value="">{t("any")}</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="text-sm">
          <label htmlFor="f-building" className="mb-1 block text-slate-600">{t("building")}</label>
          <Select id="f-building" name="building" defaultValue={buildingId ?? ""} className="w-32" disabled={!projectId}>
            <option value="">{t("any")}</option>
            {buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </div>
        <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="incomplete" value="1" defaultChecked={incompleteOnly} className="h-4 w-4 accent-brand-600" />
          {t("incompleteOnly")}
        </label>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        {(projectId || incompleteOnly) && (
          <Link href="/archive/client-files" className="text-sm text-brand-600 hover:underline">
            {tc("reset")}
          </Link>
        )}
      </form>
      {list.rows.length === 0 ? (
        <EmptyState>{incompleteOnly ? t("noIncomplete") : t("noClientFiles")}</EmptyState>
      ) : (
        <>
          <Table caption={t("clientFilesTitle")}>
            <thead>
              <tr>
                <Th>{t("project")}</Th>
                <Th>{t("building")}</Th>
                <Th>{t("unit")}</Th>
                <Th>{t("client")}</Th>
                <Th>{t("archiveNo")}</Th>
                <Th>{t("title")}</Th>
                <Th>{t("completeness")}</Th>
                <Th>{t("missingItems")}</Th>
                <Th>{t("location")}</Th>
                <Th>{tc("status")}</Th>
              </tr>
            </thead>
            <ClientFileRows
              statusLabels={{ in_store: ts("in_store"), lent: ts("lent"), transferred: ts("transferred"), destroyed: ts("destroyed") }}
              rows={list.rows.map((r) => ({
                id: r.id,
                archiveNo: r.archiveNo,
                title: r.title,
                project: r.project?.name ?? null,
                building: r.building?.name ?? null,
                unitId: r.unit?.id ?? null,
                unitNumber: r.unit?.number ?? null,
                client: r.client?.name ?? null,
                percent: r.percent,
                missing: r.missing,
                location: r.location ?? null,
                status: r.status,
              }))}
            />
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ project: projectId, building: buildingId, incomplete: incompleteOnly ? "1" : undefined }} />
        </>
      )}
    </>
  );
}
