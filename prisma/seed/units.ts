// 一户一档 demo: one unit whose file is on loan also gets a complaint, so its unit page shows an
// archive record, a loan and a complaint on the timeline (the e2e spec opens it from the global
// search). Runs after the borrowing seed; idempotent (keyed by the complaint's text).
import type { Db } from "../../server/db/client";
import type { Role } from "../../server/auth/roles";
import { intakeComplaint } from "../../server/domain/complaints/complaint-intake.service";

export const UNIT_STORY_CONTENT = "演示：客厅天花板渗水，疑为楼上卫生间防水层老化，请尽快安排检查";

export async function seedUnitStory(db: Db): Promise<{ unitStory: number }> {
  if ((await db.complaint.count({ where: { content: UNIT_STORY_CONTENT } })) > 0) return { unitStory: 0 };
  const item = await db.borrowItem.findFirst({
    where: { request: { status: { in: ["lent", "renewed"] } }, record: { unitId: { not: null }, confidentiality: { not: "secret" } } },
    orderBy: { record: { archiveNo: "asc" } },
    select: { record: { select: { unitId: true, clientId: true, client: { select: { name: true } } } } },
  });
  const category = await db.complaintCategory.findFirst({ where: { isActive: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true } });
  const staff = await db.user.findUnique({ where: { loginName: "staff" }, select: { id: true, displayName: true, roles: { select: { role: true } } } });
  if (!item?.record.unitId || !category || !staff) return { unitStory: 0 };
  await intakeComplaint(db, { id: staff.id, name: staff.displayName, roles: staff.roles.map((r) => r.role as Role) }, {
    channel: "phone",
    categoryId: category.id,
    unitId: item.record.unitId,
    clientId: item.record.clientId,
    complainantName: item.record.client?.name ?? "业主",
    content: UNIT_STORY_CONTENT,
  });
  return { unitStory: 1 };
}
