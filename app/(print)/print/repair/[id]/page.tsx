import { printPageFor } from "@/server/print/next-handlers";
import { repairOrderForm } from "@/server/print/forms/repair-order";

export const dynamic = "force-dynamic";
export default printPageFor(repairOrderForm);
