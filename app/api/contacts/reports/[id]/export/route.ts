import { cookies } from "next/headers";
import { api } from "@/server/api/server";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { LOCALE_COOKIE, asLocale } from "@/server/i18n/config";
import { REPORT_READERS } from "@/server/domain/contacts/contacts.policy";
import { reportFileName, reportTable } from "@/server/domain/contacts/report-export";
import { statsCsv, statsXlsx } from "@/server/domain/complaints/stats.service";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** 来电来访情况 report as CSV or XLSX: ?format=csv|xlsx, for the reports' readers. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return text("请先登录。", 401);
  if (user.mustChangePassword || !hasAnyRole(user.roles, REPORT_READERS)) return text("您没有执行此操作的权限。", 403);
  const { id } = await params;
  // Through the procedure, so the role check and the input validation are the page's own.
  const report = await (await api()).contacts.reports.get({ reportId: id }).catch(() => null);
  if (!report) return text("报表不存在。", 404);
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const table = reportTable(report, locale);
  const { base, name } = reportFileName(report, locale);
  const format = new URL(req.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  if (format === "csv") {
    return new Response(statsCsv(table), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${base}.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`, "Cache-Control": "no-store" },
    });
  }
  const body = await statsXlsx(table, name.slice(0, 31));
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
