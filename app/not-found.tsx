import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { PortalFrame } from "@/components/shell/portal-frame";
import { NotFoundView } from "@/components/errors/not-found-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.errorPage"))("notFoundTitle") };
}

/**
 * A URL no route matches. Signed in (and past the first-sign-in password change): inside the
 * portal's frame; otherwise the bare page (its 返回工作台 leads to sign-in).
 */
export default async function NotFound() {
  const user = await currentUser().catch(() => null);
  if (user && !user.mustChangePassword) {
    return (
      <PortalFrame user={user}>
        <NotFoundView />
      </PortalFrame>
    );
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <NotFoundView />
    </main>
  );
}
