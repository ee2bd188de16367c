import type { ReactNode } from "react";
import { requireModule } from "@/server/auth/session";

// Every page under /complaints is for the department's roles; each procedure checks again.
export default async function ComplaintsLayout({ children }: { children: ReactNode }) {
  await requireModule("complaints");
  return children;
}
