import { printRouteFor } from "@/server/print/next-handlers";
import { labelsForm } from "@/server/print/forms/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(labelsForm);
