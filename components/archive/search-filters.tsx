import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { BuildingPicker } from "./building-picker";

export type SearchParams = Partial<Record<"q" | "classId" | "status" | "confidentiality" | "projectId" | "buildingId" | "unit" | "formedFrom" | "formedTo" | "retention" | "sort" | "dir" | "page", string>>;

type Options = { classes: { id: string; code: string; name: string }[]; projects: { id: string; name: string }[]; building: { id: string; label: string } | null };

/** A plain GET form: the filters live in the URL, work without JavaScript and can be bookmarked. */
export async function SearchFilters({ sp, options, canSeeSecret }: { sp: SearchParams; options: Options; canSeeSecret: boolean }) {
  const t = await getTranslations("archiveSearch");
  const label = (key: Parameters<typeof t>[0]) => `${t(key)}：${t("any")}`;
  return (
    <form role="search" className="mb-3 space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        <Input name="q" defaultValue={sp.q} placeholder={t("qPlaceholder")} aria-label={t("q")} className="min-w-80 flex-1" autoFocus />
        <Button type="submit">
          <Search className="h-4 w-4" aria-hidden />
          {t("search")}
        </Button>
        <Link href="/archive" className="text-sm text-slate-500 hover:text-slate-800">
          {t("reset")}
        </Link>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Select name="classId" defaultValue={sp.classId ?? ""} aria-label={t("class")} className="w-44">
          <option value="">{label("class")}</option>
          {options.classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} {c.name}
            </option>
          ))}
        </Select>
        <Select name="status" defaultValue={sp.status ?? ""} aria-label={t("status")} className="w-36">
          <option value="">{label("status")}</option>
          {(["in_store", "lent", "transferred", "destroyed"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
        <Select name="confidentiality" defaultValue={sp.confidentiality ?? ""} aria-label={t("confidentiality")} className="w-36">
          <option value="">{label("confidentiality")}</option>
          {(canSeeSecret ? (["public", "internal", "secret"] as const) : (["public", "internal"] as const)).map((c) => (
            <option key={c} value={c}>
              {t(`confidentialities.${c}`)}
            </option>
          ))}
        </Select>
        <Select name="projectId" defaultValue={sp.projectId ?? ""} aria-label={t("project")} className="w-40">
          <option value="">{label("project")}</option>
          {options.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <BuildingPicker initial={options.building} className="w-56" />
        <Input name="unit" defaultValue={sp.unit} placeholder={t("unit")} aria-label={t("unit")} className="w-24" />
        <label className="flex items-center gap-1 text-sm text-slate-600">
          {t("formedFrom")}
          <Input type="date" name="formedFrom" defaultValue={sp.formedFrom} aria-label={t("formedFrom")} className="w-38" />
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-600">
          {t("formedTo")}
          <Input type="date" name="formedTo" defaultValue={sp.formedTo} aria-label={`${t("formedFrom")} ${t("formedTo")}`} className="w-38" />
        </label>
        <Select name="retention" defaultValue={sp.retention ?? ""} aria-label={t("retention")} className="w-44">
          <option value="">{label("retention")}</option>
          <option value="expiring">{t("retentionExpiring")}</option>
          <option value="expired">{t("retentionExpired")}</option>
        </Select>
        {sp.sort && <input type="hidden" name="sort" value={sp.sort} />}
        {sp.dir && <input type="hidden" name="dir" value={sp.dir} />}
      </div>
    </form>
  );
}
