import type { Role } from "./roles";

// Which roles may open which part of the portal. The sidebar and the page guards read this
// one table; procedures declare their own roles (roleProcedure), checked on every call.
// 等保 2.0 separation of duties: admin manages accounts and reference data but approves nothing;
// the auditor reads the audit log and reports and changes nothing.
export const MODULES = {
  archive: { path: "/archive", roles: ["staff", "archivist", "supervisor", "manager"], available: true },
  borrowing: { path: "/borrowing", roles: ["staff", "archivist", "supervisor", "manager", "auditor"], available: true },
  complaints: { path: "/complaints", roles: ["staff", "supervisor", "manager"], available: true },
  appraisal: { path: "/appraisal", roles: ["staff", "archivist", "supervisor", "manager", "admin"], available: true },
  print: { path: "/print", roles: ["staff", "archivist", "supervisor", "manager"], available: true },
  contacts: { path: "/contacts", roles: ["staff", "supervisor", "manager", "auditor"], available: true },
  units: { path: "/units", roles: ["staff", "archivist", "supervisor", "manager", "auditor"], available: true },
  admin: { path: "/admin", roles: ["admin"], available: true },
  audit: { path: "/audit", roles: ["auditor"], available: true },
  statistics: { path: "/statistics", roles: ["staff", "archivist", "supervisor", "manager", "auditor"], available: true },
} as const satisfies Record<string, { path: string; roles: readonly Role[]; available: boolean }>;

export type ModuleKey = keyof typeof MODULES;

export function modulesFor(roles: readonly Role[]): ModuleKey[] {
  return (Object.keys(MODULES) as ModuleKey[]).filter((key) =>
    (MODULES[key].roles as readonly Role[]).some((r) => roles.includes(r)),
  );
}
