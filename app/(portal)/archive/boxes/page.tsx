import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { BOX_KEEPERS, BOX_READERS } from "@/server/domain/labels/labels.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { BoxesLabelForm } from "@/components/labels/label-sheet-form";
import { BoxCreateForm } from "@/components/labels/box-create-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("labels", "title");

type Search = { page?: string; q?: string; cabinet?: string; shelf?: string; sort?: string };

// 档案盒 list: search, cabinet and shelf filters, sort and paging in the URL (works without JavaScript);
// the archivist ticks boxes and prints their labels.
async function BoxesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRoles(BOX_READERS);
  const sp = await searchParams;
  const t = await getTranslations("labels");
  const caller = await api();
  const isKeeper = hasAnyRole(user.roles, BOX_KEEPERS);
  const sort = sp.sort === "newest" ? "newest" : "code";
  const page = Math.max(1, Number(sp.page) || 1);
  const boxes = await caller.labels.boxes.list({ q: sp.q || undefined, cabinet: sp.cabinet || undefined, shelf: sp.shelf || undefined, sort, page });
  // The chosen shelf stays an option even when it is not on the chosen cabinet (the list is then empty).
  const shelves = sp.shelf && !boxes.shelves.includes(sp.shelf) ? [sp.shelf, ...boxes.shelves] : boxes.shelves;

  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      <form method="get" className="mb-3 flex flex-wrap items-center gap-2" role="search">
        <Input name="q" defaultValue={sp.q ?? ""} placeholder={t("search")} aria-label={t("search")} className="w-56" />
        <Select name="cabinet" defaultValue={sp.cabinet ?? ""} aria-label={t("cabinet")} className="w-40">
          <option value="">{t("allCabinets")}</option>
          {boxes.cabinets.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
        <Select name="shelf" defaultValue={sp.shelf ?? ""} aria-label={t("shelf")} className="w-40">
          <option value="">{t("allShelves")}</option>
          {shelves.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
        <Select name="sort" defaultValue={sort} aria-label={t("sortCode")} className="w-36">
          <option value="code">{t("sortCode")}</option>
          <option value="newest">{t("sortNewest")}</option>
        </Select>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter")}
        </button>
      </form>
      {boxes.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <BoxesLabelForm canPrint={isKeeper} rows={boxes.rows.map((b) => ({ id: b.id, code: b.code, note: b.note, fileCount: b.fileCount, createdAt: formatShanghai(b.createdAt) }))} />
          <Pagination page={boxes.page} pageSize={boxes.pageSize} total={boxes.total} params={{ q: sp.q, cabinet: sp.cabinet, shelf: sp.shelf, sort: sp.sort }} />
        </>
      )}
      {isKeeper && (
        <Card title={t("newBox")} className="mt-6">
          <BoxCreateForm />
        </Card>
      )}
    </>
  );
}

export default withClientMessages(["labels"], BoxesPage);
