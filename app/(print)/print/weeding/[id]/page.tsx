import { printPageFor } from "@/server/print/next-handlers";
import { weedingListForm } from "@/server/print/forms/weeding-list";

export const dynamic = "force-dynamic";
export default printPageFor(weedingListForm);
