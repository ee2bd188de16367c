import { printRouteFor } from "@/server/print/next-handlers";
import { handoverListForm } from "@/server/print/forms/handover-list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(handoverListForm);
