// The six roles of DOMAIN.md "People and roles". A person may hold several.
export const ROLES = ["staff", "archivist", "supervisor", "manager", "admin", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(held: readonly Role[], allowed: readonly Role[]): boolean {
  return held.some((r) => allowed.includes(r));
}
