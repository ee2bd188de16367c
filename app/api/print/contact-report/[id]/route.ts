import { printRouteFor } from "@/server/print/next-handlers";
import { contactReportForm } from "@/server/print/forms/contact-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(contactReportForm);
