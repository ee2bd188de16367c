import { printPageFor } from "@/server/print/next-handlers";
import { complaintStatsForm } from "@/server/print/forms/complaint-stats";

export const dynamic = "force-dynamic";
export default printPageFor(complaintStatsForm);
