import type { ReactNode } from "react";
import { requireModule } from "@/server/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireModule("admin");
  return children;
}
