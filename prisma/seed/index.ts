// The whole demo data set, in one transaction: either everything is seeded or nothing is.
// Each part is also exported on its own for the e2e fixtures.
import type { Db } from "../../server/db/client";
import { inTransaction, type Tx } from "../../server/db/tx";
import { SYSTEM_ACTOR, writeAudit } from "../../server/domain/audit/audit-log";
import { seedDepartments } from "./departments";
import { seedUsers } from "./users";
import { seedProjects } from "./projects";
import { seedClients } from "./clients";
import { seedArchiveClasses } from "./archive-classes";
import { seedArchiveRecords } from "./archive-records";
import { seedComplaints } from "./complaints";
import { seedArchivePaperwork } from "./archive-paperwork";
import { seedAppraisals } from "./appraisal";
import { seedLabels } from "./labels";
import { seedCalendar } from "./calendar";

export { seedDepartments, DEPARTMENTS } from "./departments";
export { seedUsers } from "./users";
export { seedProjects, PROJECTS, buildingUnits, unitIdsByKey } from "./projects";
export { seedClients, generateClients } from "./clients";
export { seedArchiveClasses, ARCHIVE_CLASSES } from "./archive-classes";
export { seedArchiveRecords } from "./archive-records";
export { seedComplaints, COMPLAINT_CATEGORIES } from "./complaints";
export { seedArchivePaperwork, DEMO_HANDOVER_NOTES, DEMO_WEEDING_REASON } from "./archive-paperwork";
export { seedAppraisals } from "./appraisal";
export { seedLabels } from "./labels";
export { DEMO_USERS, DEMO_PASSWORD, demoLoginRows, formatDemoLogins } from "./demo-users";

export type SeedCreated = {
  departments: number;
  users: number;
  projects: number;
  buildings: number;
  units: number;
  clients: number;
  clientUnits: number;
  archiveClassesAndChecklists: number;
  archiveRecords: number;
  complaints: number;
  archivePaperwork: number;
  appraisals: number;
  labels: number;
  calendarDays: number;
};

/** Runs every part inside `tx`; writes one `seed.run` audit entry when something was created. */
export async function seedAllInTx(tx: Tx): Promise<SeedCreated> {
  const departments = await seedDepartments(tx);
  const users = await seedUsers(tx, departments.idByCode);
  const projects = await seedProjects(tx);
  const clients = await seedClients(tx);
  const archiveClasses = await seedArchiveClasses(tx);
  const archiveRecords = await seedArchiveRecords(tx);
  const complaints = await seedComplaints(tx);
  const archivePaperwork = await seedArchivePaperwork(tx);
  const appraisals = await seedAppraisals(tx);
  const labels = await seedLabels(tx);
  const calendarDays = await seedCalendar(tx);
  const created: SeedCreated = {
    departments: departments.created,
    users: users.created,
    ...projects,
    ...clients,
    archiveClassesAndChecklists: archiveClasses.created,
    archiveRecords: archiveRecords.created,
    complaints: complaints.created,
    archivePaperwork: archivePaperwork.created,
    appraisals: appraisals.created,
    labels: labels.created,
    calendarDays: calendarDays.created,
  };
  // The audit log is append-only: a re-run that creates nothing leaves no trace in it.
  if (Object.values(created).some((n) => n > 0)) {
    await writeAudit(tx, SYSTEM_ACTOR, { action: "seed.run", entity: "Seed", entityId: null, after: created });
  }
  return created;
}

export function seedAll(db: Db): Promise<SeedCreated> {
  return inTransaction(db, seedAllInTx);
}

/** Row counts of the seeded tables (for the summary; small tables, so plain counts are fine). */
export async function seedCounts(db: Db) {
  const [departments, users, roleAssignments, projects, buildings, units, clients, clientUnits, auditLog] = await Promise.all([
    db.department.count(),
    db.user.count(),
    db.roleAssignment.count(),
    db.project.count(),
    db.building.count(),
    db.unit.count(),
    db.client.count(),
    db.clientUnit.count(),
    db.auditLog.count(),
  ]);
  return { departments, users, roleAssignments, projects, buildings, units, clients, clientUnits, auditLog };
}
