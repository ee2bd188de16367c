import type { ReactNode } from "react";
import { requireModule } from "@/server/auth/session";

// Every page under /archive (records, search, hand-over, weeding) is for the archive's roles;
// each procedure behind them checks again.
export default async function ArchiveLayout({ children }: { children: ReactNode }) {
  await requireModule("archive");
  return children;
}
