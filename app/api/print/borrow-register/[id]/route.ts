import { printRouteFor } from "@/server/print/next-handlers";
import { borrowRegisterForm } from "@/server/print/forms/borrow-register";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = printRouteFor(borrowRegisterForm);
