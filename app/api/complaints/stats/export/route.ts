import { api } from "@/server/api/server";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, asLocale } from "@/server/i18n/config";
import { COMPLAINT_STATS_READERS } from "@/server/domain/complaints/complaints.policy";
import { statsCsv, statsTable, statsXlsx } from "@/server/domain/complaints/stats.service";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** 投诉统计 as CSV or XLSX: ?format=csv|xlsx&from=yyyy-mm-dd&to=yyyy-mm-dd, for the statistics' readers. */
export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return text("请先登录。", 401);
  if (user.mustChangePassword || !hasAnyRole(user.roles, COMPLAINT_STATS_READERS)) return text("您没有执行此操作的权限。", 403);
  const url = new URL(req.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";
  // Through the procedure, so the role check and the input validation are the page's own.
  const stats = await (await api()).complaints.stats.summary({ from, to }).catch(() => null);
  if (!stats) return text("统计期间无效。", 400);
  const table = statsTable(stats, asLocale((await cookies()).get(LOCALE_COOKIE)?.value));
  const base = `complaint-stats-${from}-${to}`;
  const name = `投诉统计_${from}_${to}`;
  if (format === "csv") {
    return new Response(statsCsv(table), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${base}.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`, "Cache-Control": "no-store" },
    });
  }
  const body = await statsXlsx(table, "投诉统计");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${base}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
      "Cache-Control": "no-store",
    },
  });
}

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
