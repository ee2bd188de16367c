import type { ReactNode } from "react";
import { requireModule } from "@/server/auth/session";

// Every page under /appraisal is for the module's roles; each page narrows further and each
// procedure behind them checks again (visibility of results is decided in the queries).
export default async function AppraisalLayout({ children }: { children: ReactNode }) {
  await requireModule("appraisal");
  return children;
}
