import { printRouteFor } from "@/server/print/next-handlers";
import { complaintSheetForm } from "@/server/print/forms/complaint-sheet";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(complaintSheetForm);
