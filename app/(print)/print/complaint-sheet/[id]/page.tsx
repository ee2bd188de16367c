import { printPageFor } from "@/server/print/next-handlers";
import { complaintSheetForm } from "@/server/print/forms/complaint-sheet";

export const dynamic = "force-dynamic";
export default printPageFor(complaintSheetForm);
