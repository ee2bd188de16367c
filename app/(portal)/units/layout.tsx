import type { ReactNode } from "react";
import { requireModule } from "@/server/auth/session";

// 一户一档: for the roles of any module it joins; each section checks its own module again.
export default async function UnitsLayout({ children }: { children: ReactNode }) {
  await requireModule("units");
  return children;
}
