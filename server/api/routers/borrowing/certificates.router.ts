import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { CERTIFICATE_CLERKS, CERTIFICATE_READERS } from "../../../domain/borrowing/borrow.policy";
import * as certificates from "../../../domain/borrowing/certificates.service";
import { ZBuildingId, ZCreateHandout, ZHandoutId, ZHandoutList, ZUnitId, ZUnitSearch, ZVoidHandout } from "../../../domain/borrowing/certificate.schema";

// 产权证领取 (issue 5 item 7, 000 §10.4): the clerks look up the unit and its buyers and record
// hand-outs; supervisors, managers and the auditor read the book.
const clerks = roleProcedure(CERTIFICATE_CLERKS);
const readers = roleProcedure(CERTIFICATE_READERS);

export const certificatesRouter = router({
  list: readers.input(ZHandoutList).query(({ ctx, input }) => certificates.listHandouts(ctx.db, input)),
  get: readers.input(ZHandoutId).query(({ ctx, input }) => certificates.getHandout(ctx.db, input.handoutId)),
  projects: clerks.query(({ ctx }) => certificates.pickProjects(ctx.db)),
  units: clerks.input(ZBuildingId).query(({ ctx, input }) => certificates.buildingUnits(ctx.db, input.buildingId)),
  searchUnits: clerks.input(ZUnitSearch).query(({ ctx, input }) => certificates.searchUnits(ctx.db, input.q)),
  buyers: clerks.input(ZUnitId).query(({ ctx, input }) => certificates.unitBuyers(ctx.db, input.unitId)),
  handOut: clerks.input(ZCreateHandout).mutation(({ ctx, input }) => certificates.createHandout(ctx.db, actorOf(ctx), input)),
  confirm: clerks.input(ZHandoutId).mutation(({ ctx, input }) => certificates.confirmHandout(ctx.db, actorOf(ctx), input.handoutId)),
  void: clerks.input(ZVoidHandout).mutation(({ ctx, input }) => certificates.voidHandout(ctx.db, actorOf(ctx), input)),
});
