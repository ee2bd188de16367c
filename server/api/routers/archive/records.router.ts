import { z } from "zod";
import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import * as classes from "../../../domain/archive/classes.service";
import * as records from "../../../domain/archive/records.service";
import { listClientFiles } from "../../../domain/archive/client-files.service";
import { ARCHIVE_KEEPERS, ARCHIVE_READERS, ARCHIVE_REGISTRARS, CLASS_ADMINS } from "../../../domain/archive/archive.policy";
import {
  ZBuildingUnits,
  ZClassId,
  ZClientFiles,
  ZCreateArchiveClass,
  ZCreateArchiveRecord,
  ZCreateChecklistItem,
  ZRecordId,
  ZUnitOwners,
  ZUpdateArchiveClass,
  ZUpdateChecklistItem,
  ZUpdateLocation,
  ZUpdatePaperItems,
} from "../../../domain/archive/archive.schema";

// 档案: classes (admin), records (register, read, keep), client files and the form's pickers.
const readers = roleProcedure(ARCHIVE_READERS);
const registrars = roleProcedure(ARCHIVE_REGISTRARS);
const keepers = roleProcedure(ARCHIVE_KEEPERS);
const classAdmins = roleProcedure(CLASS_ADMINS);
// Forms of both the registrars and the class admins read classes and checklists.
const formReaders = roleProcedure([...new Set([...ARCHIVE_READERS, ...CLASS_ADMINS])]);

export const recordsRouter = router({
  classes: formReaders.input(z.object({ activeOnly: z.boolean().default(true) }).default({ activeOnly: true })).query(({ ctx, input }) => classes.listClasses(ctx.db, input)),
  checklist: formReaders.input(ZClassId).query(({ ctx, input }) => classes.activeChecklist(ctx.db, input.classId)),
  getClass: classAdmins.input(ZClassId).query(({ ctx, input }) => classes.getClass(ctx.db, input.classId)),
  createClass: classAdmins.input(ZCreateArchiveClass).mutation(({ ctx, input }) => classes.createClass(ctx.db, actorOf(ctx), input)),
  updateClass: classAdmins.input(ZUpdateArchiveClass).mutation(({ ctx, input }) => classes.updateClass(ctx.db, actorOf(ctx), input)),
  createChecklistItem: classAdmins.input(ZCreateChecklistItem).mutation(({ ctx, input }) => classes.createChecklistItem(ctx.db, actorOf(ctx), input)),
  updateChecklistItem: classAdmins.input(ZUpdateChecklistItem).mutation(({ ctx, input }) => classes.updateChecklistItem(ctx.db, actorOf(ctx), input)),

  create: registrars.input(ZCreateArchiveRecord).mutation(({ ctx, input }) => records.createRecord(ctx.db, actorOf(ctx), input)),
  get: readers.input(ZRecordId).query(({ ctx, input }) => records.getRecord(ctx.db, ctx.user.roles, input.recordId)),
  completeness: readers.input(ZRecordId).query(({ ctx, input }) => records.recordCompleteness(ctx.db, ctx.user.roles, input.recordId)),
  history: readers.input(ZRecordId).query(({ ctx, input }) => records.recordHistory(ctx.db, ctx.user.roles, input.recordId)),
  updateLocation: keepers.input(ZUpdateLocation).mutation(({ ctx, input }) => records.updateLocation(ctx.db, actorOf(ctx), input)),
  updatePaperItems: keepers.input(ZUpdatePaperItems).mutation(({ ctx, input }) => records.updatePaperItems(ctx.db, actorOf(ctx), input)),
  clientFiles: readers.input(ZClientFiles).query(({ ctx, input }) => listClientFiles(ctx.db, ctx.user.roles, input)),

  pickProjects: readers.query(({ ctx }) => records.pickProjects(ctx.db)),
  pickUnits: registrars.input(ZBuildingUnits).query(({ ctx, input }) => records.pickUnits(ctx.db, input.buildingId)),
  unitOwners: registrars.input(ZUnitOwners).query(({ ctx, input }) => records.unitOwners(ctx.db, input.unitId)),
});
