import type { ReactNode } from "react";
import { requireUser } from "@/server/auth/session";
import { PortalFrame } from "@/components/shell/portal-frame";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <PortalFrame user={user}>{children}</PortalFrame>;
}
