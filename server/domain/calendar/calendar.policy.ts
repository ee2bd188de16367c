import type { Role } from "../../auth/roles";

// The calendar and the ladders are reference data: the admin keeps them (like the complaint and
// borrow settings); everyone's clocks read them.
export const CALENDAR_ADMINS: readonly Role[] = ["admin"];
/** Read a year of the calendar (the admin page; the auditor reviews configuration). */
export const CALENDAR_READERS: readonly Role[] = ["admin", "auditor"];
