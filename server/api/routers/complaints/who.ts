import type { SessionUser } from "../../../domain/accounts/session";
import { actorOf } from "../../context";
import type { Who } from "../../../domain/complaints/shared";

/** The service's caller: the audit actor plus the roles its policy checks. */
export function whoOf(ctx: { user: SessionUser; ip: string | null }): Who {
  return { ...actorOf(ctx), roles: ctx.user.roles };
}
