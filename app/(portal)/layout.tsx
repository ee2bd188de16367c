import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { Sidebar } from "@/components/shell/sidebar";
import { Header } from "@/components/shell/header";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <Sidebar roles={user.roles} />
      <div className="pl-56">
        <Header user={user} />
        <main className="mx-auto max-w-7xl px-6 py-5">{children}</main>
      </div>
    </div>
  );
}
