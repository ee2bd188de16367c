import { cookies } from "next/headers";
import { api } from "@/server/api/server";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { LOCALE_COOKIE, asLocale } from "@/server/i18n/config";
import { ARCHIVE_STATS_READERS, LOAN_STATS_READERS } from "@/server/domain/statistics/statistics.policy";
import { ZStatsPeriod } from "@/server/domain/statistics/statistics.schema";
import { archiveStatsTable, loanStatsTable, tableCsv, tableXlsx, type Table } from "@/server/domain/statistics/statistics.export";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

const KINDS = {
  loans: { roles: LOAN_STATS_READERS, file: "loan-stats", title: "借阅统计" },
  archive: { roles: ARCHIVE_STATS_READERS, file: "archive-stats", title: "档案完整率统计" },
} as const;

/** 借阅统计 / 档案完整率统计 as CSV or XLSX: ?format=csv|xlsx&from=yyyy-mm&to=yyyy-mm[&project=uuid]. */
export async function GET(req: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (kind !== "loans" && kind !== "archive") return text("没有这种统计。", 404);
  const spec = KINDS[kind];
  const user = await currentUser();
  if (!user) return text("请先登录。", 401);
  if (user.mustChangePassword || !hasAnyRole(user.roles, spec.roles)) return text("您没有执行此操作的权限。", 403);
  const url = new URL(req.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const parsed = ZStatsPeriod.safeParse({ from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "", projectId: url.searchParams.get("project") || undefined });
  if (!parsed.success) return text("统计期间无效。", 400);
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  // Through the procedures, so the role check and the validation are the page's own.
  const caller = await api();
  let table: Table;
  if (kind === "loans") table = loanStatsTable(await caller.statistics.loans(parsed.data), locale);
  else table = archiveStatsTable(await caller.statistics.archive(parsed.data), locale);
  const { from, to } = parsed.data;
  const base = `${spec.file}-${from}-${to}`;
  const name = `${spec.title}_${from}_${to}`;
  const disposition = (ext: string) => `attachment; filename="${base}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}.${ext}`;
  if (format === "csv") {
    return new Response(tableCsv(table), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition("csv"), "Cache-Control": "no-store" } });
  }
  const body = await tableXlsx(table, spec.title);
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": disposition("xlsx"), "Cache-Control": "no-store" },
  });
}

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
