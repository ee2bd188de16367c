import { printRouteFor } from "@/server/print/next-handlers";
import { appraisalRecordForm } from "@/server/print/forms/appraisal-record";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(appraisalRecordForm);
