import { printPageFor } from "@/server/print/next-handlers";
import { labelsForm } from "@/server/print/forms/labels";

export const dynamic = "force-dynamic";
export default printPageFor(labelsForm);
