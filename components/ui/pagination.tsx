import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

/**
 * Page links that keep the current filters (server component; works without JavaScript). A
 * capped total (server/domain/capped-count.ts) reads "1000+" and always offers a next page.
 */
export async function Pagination({ page, pageSize, total, totalCapped = false, params, pageParam = "page" }: { page: number; pageSize: number; total: number; totalCapped?: boolean; params: Record<string, string | undefined>; pageParam?: string }) {
  const t = await getTranslations("common");
  const pages = totalCapped ? page + 1 : Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set(pageParam, String(p));
    return `?${q.toString()}`;
  };
  return (
    <nav aria-label="pagination" data-page-param={pageParam} className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>{totalCapped ? t("pageInfoCapped", { page, total }) : t("pageInfo", { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={buttonClass("secondary", "sm")} href={href(page - 1)}>{t("prev")}</Link> : null}
        {page < pages ? <Link className={buttonClass("secondary", "sm")} href={href(page + 1)}>{t("next")}</Link> : null}
      </span>
    </nav>
  );
}
