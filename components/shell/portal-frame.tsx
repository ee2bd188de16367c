import type { ReactNode } from "react";
import type { SessionUser } from "@/server/domain/accounts/session";
import { db } from "@/server/db/client";
import { Sidebar } from "./sidebar";
import { Header } from "./header";
import { sidebarBadges } from "./sidebar-badges";

/** The signed-in portal's frame (sidebar, header, main): the portal layout and the root 404 page. */
export async function PortalFrame({ user, children }: { user: SessionUser; children: ReactNode }) {
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
