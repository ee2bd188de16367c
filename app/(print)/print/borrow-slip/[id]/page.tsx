import { printPageFor } from "@/server/print/next-handlers";
import { borrowSlipForm } from "@/server/print/forms/borrow-slip";

export const dynamic = "force-dynamic";
export default printPageFor(borrowSlipForm);
