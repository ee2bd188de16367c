import { printPageFor } from "@/server/print/next-handlers";
import { borrowRegisterForm } from "@/server/print/forms/borrow-register";

export const dynamic = "force-dynamic";
export default printPageFor(borrowRegisterForm);
