import { printPageFor } from "@/server/print/next-handlers";
import { complaintCallbackForm } from "@/server/print/forms/complaint-callback";

export const dynamic = "force-dynamic";
export default printPageFor(complaintCallbackForm);
