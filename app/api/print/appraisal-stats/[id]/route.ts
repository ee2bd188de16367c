import { printRouteFor } from "@/server/print/next-handlers";
import { appraisalStatsForm } from "@/server/print/forms/appraisal-stats";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(appraisalStatsForm);
