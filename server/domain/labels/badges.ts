import type { Db } from "../../db/client";
import type { SessionUser } from "../accounts/session";
import { hasAnyRole } from "../../auth/roles";
import { BOX_KEEPERS } from "./labels.policy";

/** Open stock-takes beside 盘点, for the archivist who has to finish them (indexed on status). */
export async function stockTakeBadges(db: Db, user: SessionUser): Promise<Record<string, number>> {
  if (!hasAnyRole(user.roles, BOX_KEEPERS)) return {};
  return { "/archive/stock-takes": await db.stockTake.count({ where: { status: "open" } }) };
}
