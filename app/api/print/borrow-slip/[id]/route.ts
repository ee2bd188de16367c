import { printRouteFor } from "@/server/print/next-handlers";
import { borrowSlipForm } from "@/server/print/forms/borrow-slip";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(borrowSlipForm);
