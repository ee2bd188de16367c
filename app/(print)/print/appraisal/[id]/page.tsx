import { printPageFor } from "@/server/print/next-handlers";
import { appraisalRecordForm } from "@/server/print/forms/appraisal-record";

export const dynamic = "force-dynamic";
export default printPageFor(appraisalRecordForm);
