import { printPageFor } from "@/server/print/next-handlers";
import { appraisalStatsForm } from "@/server/print/forms/appraisal-stats";

export const dynamic = "force-dynamic";
export default printPageFor(appraisalStatsForm);
