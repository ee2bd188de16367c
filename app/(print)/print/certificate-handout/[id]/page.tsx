import { printPageFor } from "@/server/print/next-handlers";
import { certificateHandoutForm } from "@/server/print/forms/certificate-handout";

export const dynamic = "force-dynamic";
export default printPageFor(certificateHandoutForm);
