import { printRouteFor } from "@/server/print/next-handlers";
import { certificateHandoutForm } from "@/server/print/forms/certificate-handout";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(certificateHandoutForm);
