"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { signIn } from "@/server/auth/config";
import { safeNextPath } from "@/server/auth/safe-next-path";

export type LoginState = { error?: string; loginName?: string };

/** Signs in through next-auth; a refusal comes back as a message in the user's language. */
export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const loginName = String(form.get("loginName") ?? "");
  const next = String(form.get("next") ?? "/");
  try {
    // next-auth would redirect to an absolute URL built from its own idea of the host; the
    // portal redirects to a path instead, so it works under any host name or proxy.
    await signIn("credentials", { loginName, password: String(form.get("password") ?? ""), redirect: false });
  } catch (e) {
    if (e instanceof AuthError && e.type === "CredentialsSignin") {
      const t = await getTranslations("auth");
      const [reason, minutes] = ((e as CredentialsSignin).code ?? "invalid").split(":");
      if (reason === "locked") return { loginName, error: t("locked", { minutes: Number(minutes) }) };
      if (reason === "throttled") return { loginName, error: t("throttled", { minutes: Number(minutes) }) };
      if (reason === "inactive") return { loginName, error: t("inactive") };
      return { loginName, error: t("invalid") };
    }
    throw e;
  }
  // Only same-site paths: an open redirect would let a link send users elsewhere.
  redirect(safeNextPath(next));
}
