import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { Sidebar } from "@/components/shell/sidebar";
import { Header } from "@/components/shell/header";
import { sidebarBadges } from "@/components/shell/sidebar-badges";
import { db } from "@/server/db/client";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const badges = await sidebarBadges(await db(), user);
  return (
    <div className="min-h-screen">
      <Sidebar roles={user.roles} badges={badges} />
      <div className="pl-56">
        <Header user={user} />
        <main className="mx-auto max-w-7xl px-6 py-5">{children}</main>
      </div>
    </div>
  );
}
