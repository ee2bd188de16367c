import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { db } from "../db/client";
import { currentUser } from "../auth/session";
import { clientIp } from "../auth/client-ip";
import { LOCALE_COOKIE, asLocale } from "../i18n/config";
import { createCaller } from "./root";
import type { Context } from "./context";

/** Context for this request: the same for HTTP calls and server components. */
export async function requestContext(reqHeaders: Headers): Promise<Context> {
  return {
    db: await db(),
    user: await currentUser(),
    ip: clientIp(reqHeaders),
    locale: asLocale((await cookies()).get(LOCALE_COOKIE)?.value),
  };
}

/** Server components call procedures directly, through the same guards as the browser. */
export const api = cache(async () => createCaller(await requestContext(await headers())));
