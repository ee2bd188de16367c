"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/server/auth/config";
import { LOCALE_COOKIE, asLocale } from "@/server/i18n/config";

export async function signOutAction() {
  await signOut({ redirect: false });
  redirect("/login");
}

export async function setLocaleAction(locale: string) {
  (await cookies()).set(LOCALE_COOKIE, asLocale(locale), { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
}
