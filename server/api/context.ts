import type { Db } from "../db/client";
import type { SessionUser } from "../domain/accounts/session";
import type { Actor } from "../domain/audit/audit-log";
import type { Locale } from "../i18n/config";

export type Context = {
  db: Db;
  user: SessionUser | null;
  ip: string | null;
  locale: Locale;
};

export function actorOf(ctx: { user: SessionUser; ip: string | null }): Actor & { id: string } {
  return { id: ctx.user.id, name: ctx.user.name, ip: ctx.ip };
}
