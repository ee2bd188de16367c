import { printRouteFor } from "@/server/print/next-handlers";
import { repairOrderForm } from "@/server/print/forms/repair-order";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(repairOrderForm);
