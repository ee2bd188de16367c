import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { ARCHIVE_KEEPERS } from "@/server/domain/archive/archive.policy";
import { templateWorkbook } from "@/server/domain/archive/handover-import";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The 移交清单 import template (headers and one example row), for those who receive hand-overs. */
export async function GET() {
  const user = await currentUser();
  if (!user) return new Response("请先登录。", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (user.mustChangePassword || !hasAnyRole(user.roles, ARCHIVE_KEEPERS)) {
    return new Response("您没有执行此操作的权限。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const body = await templateWorkbook();
  const name = "客户信息档案移交清单模板.xlsx";
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="handover-template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
    },
  });
}

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
