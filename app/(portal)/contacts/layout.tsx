import type { ReactNode } from "react";
import { requireModule } from "@/server/auth/session";

// Every page under /contacts is for the department's roles and the auditor; each procedure checks again.
export default async function ContactsLayout({ children }: { children: ReactNode }) {
  await requireModule("contacts");
  return children;
}
