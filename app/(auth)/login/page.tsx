import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { LoginForm } from "./login-form";
import { safeNextPath } from "@/server/auth/safe-next-path";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("submit") };
}

async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; ended?: string }> }) {
  const { next, ended } = await searchParams;
  if (await currentUser()) redirect(safeNextPath(next));
  const t = await getTranslations("auth");
  // The shared demo password is shown only on a demo installation (scripts/start-demo.sh).
  return <LoginForm next={safeNextPath(next)} notice={ended ? t("sessionEnded") : undefined} demoHint={process.env.KEFU_DEMO === "1"} />;
}

export default withClientMessages(["auth"], LoginPage);
