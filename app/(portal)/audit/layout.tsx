import type { ReactNode } from "react";
import { requireModule } from "@/server/auth/session";

export default async function AuditLayout({ children }: { children: ReactNode }) {
  await requireModule("audit");
  return children;
}
