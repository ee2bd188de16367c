import { printRouteFor } from "@/server/print/next-handlers";
import { complaintCallbackForm } from "@/server/print/forms/complaint-callback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(complaintCallbackForm);
