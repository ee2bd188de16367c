import { printRouteFor } from "@/server/print/next-handlers";
import { appraisalStatsForm } from "@/server/print/forms/appraisal-stats";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(appraisalStatsForm);

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
