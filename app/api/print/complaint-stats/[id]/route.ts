import { printRouteFor } from "@/server/print/next-handlers";
import { complaintStatsForm } from "@/server/print/forms/complaint-stats";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(complaintStatsForm);
