import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import { APPRAISAL_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { viewerOf } from "@/server/domain/appraisal/viewer";
import { annualTable, monthlyRecordTable, toCsv, toXlsx } from "@/server/domain/appraisal/export";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** ?table=monthly&year=2026&month=3 or ?table=annual&year=2026, &format=csv|xlsx. Rows as the viewer may see them. */
export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return text("请先登录。", 401);
  if (user.mustChangePassword || !hasAnyRole(user.roles, APPRAISAL_READERS)) return text("您没有执行此操作的权限。", 403);
  const q = new URL(req.url).searchParams;
  const year = Number(q.get("year"));
  const month = Number(q.get("month"));
  const format = q.get("format") === "csv" ? "csv" : "xlsx";
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return text("年度无效。", 400);
  const database = await db();
  const viewer = await viewerOf(database, user);
  let table;
  if (q.get("table") === "monthly") {
    if (!Number.isInteger(month) || month < 1 || month > 12) return text("月份无效。", 400);
    table = await monthlyRecordTable(database, viewer, year, month);
  } else if (q.get("table") === "annual") {
    table = await annualTable(database, viewer, year);
  } else return text("未知的表。", 400);
  const name = `${table.fileName}.${format}`;
  const disposition = `attachment; filename="appraisal.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  if (format === "csv") return new Response(toCsv(table), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition, "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(await toXlsx(table)), {
    headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": disposition, "Cache-Control": "no-store" },
  });
}

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
