import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { ARCHIVE_READERS } from "../archive/archive.policy";
import { BORROWERS, CERTIFICATE_READERS, REGISTER_READERS } from "../borrowing/borrow.policy";
import { COMPLAINT_READERS } from "../complaints/complaints.policy";
import { UNIT_READERS } from "../units/units.policy";
import type { GlobalSearchKind } from "./search.schema";

// Each group of the global search belongs to a module and is offered only to that module's
// readers (issue 10 §2); inside a group the module's own object rules apply (机密, own slips).
const GROUP_READERS: Record<GlobalSearchKind, readonly Role[]> = {
  units: UNIT_READERS,
  // Clients are kept in the client files and checked at the certificate desk.
  clients: [...new Set([...ARCHIVE_READERS, ...CERTIFICATE_READERS])],
  records: ARCHIVE_READERS,
  complaints: COMPLAINT_READERS,
  loans: [...new Set([...BORROWERS, ...REGISTER_READERS])],
};

/** Everyone who may search at all: the readers of any group. */
export const GLOBAL_SEARCHERS: readonly Role[] = [...new Set(Object.values(GROUP_READERS).flat())];

export function searchGroupsFor(roles: readonly Role[]): GlobalSearchKind[] {
  return (Object.keys(GROUP_READERS) as GlobalSearchKind[]).filter((k) => hasAnyRole(roles, GROUP_READERS[k]));
}
