import { printPageFor } from "@/server/print/next-handlers";
import { handoverListForm } from "@/server/print/forms/handover-list";

export const dynamic = "force-dynamic";
export default printPageFor(handoverListForm);
