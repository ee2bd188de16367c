import { printRouteFor } from "@/server/print/next-handlers";
import { weedingListForm } from "@/server/print/forms/weeding-list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(weedingListForm);
