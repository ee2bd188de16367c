import { getTranslations } from "next-intl/server";
import { Button, buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

/**
 * The statistics pages' filters: a period of Shanghai months and a project, as a GET form (the
 * URL holds them, so a view can be bookmarked and the export links carry the same).
 */
export async function PeriodFilter({ from, to, projectId, projects, exportBase }: { from: string; to: string; projectId: string | null; projects: { id: string; name: string }[]; exportBase: string }) {
  const t = await getTranslations("statistics");
  const q = `from=${from}&to=${to}${projectId ? `&project=${projectId}` : ""}`;
  return (
    <form className="mb-4 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" data-testid="stats-filter">
      <label className="flex items-center gap-1 text-sm text-slate-600">
        {t("from")}
        <Input type="month" name="from" defaultValue={from} className="w-40" />
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-600">
        {t("to")}
        <Input type="month" name="to" defaultValue={to} className="w-40" />
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-600">
        {t("project")}
        <Select name="project" defaultValue={projectId ?? ""} className="w-44">
          <option value="">{t("allProjects")}</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit">{t("apply")}</Button>
      <span className="ml-auto flex gap-2">
        <a className={buttonClass("secondary")} href={`${exportBase}?format=csv&${q}`} data-testid="export-csv">
          {t("exportCsv")}
        </a>
        <a className={buttonClass("secondary")} href={`${exportBase}?format=xlsx&${q}`} data-testid="export-xlsx">
          {t("exportXlsx")}
        </a>
      </span>
    </form>
  );
}
