import { printRouteFor } from "@/server/print/next-handlers";
import { handoverListForm } from "@/server/print/forms/handover-list";
import { otherMethods } from "@/app/api/archive/attachments/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(handoverListForm);

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
