import { printPageFor } from "@/server/print/next-handlers";
import { contactReportForm } from "@/server/print/forms/contact-report";

export const dynamic = "force-dynamic";
export default printPageFor(contactReportForm);
