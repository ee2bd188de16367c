import { router, roleProcedure } from "../trpc";
import { actorOf } from "../context";
import * as accounts from "../../domain/accounts/accounts.service";
import * as org from "../../domain/org/org.service";
import { ZCreateUser, ZListUsers, ZResetPassword, ZSetActive, ZSetRoles, ZUpdateUser, ZUserId } from "../../domain/accounts/accounts.schema";
import { ZBuildingId, ZCreateBuilding, ZCreateProject, ZCreateUnit, ZGenerateUnits, ZProjectId, ZUpdateProject } from "../../domain/org/org.schema";

// 系统管理: accounts and reference data. The admin approves nothing (等保 separation of duties).
const admin = roleProcedure(["admin"]);

export const adminRouter = router({
  listUsers: admin.input(ZListUsers).query(({ ctx, input }) => accounts.listUsers(ctx.db, input)),
  getUser: admin.input(ZUserId).query(({ ctx, input }) => accounts.getUser(ctx.db, input.userId)),
  createUser: admin.input(ZCreateUser).mutation(({ ctx, input }) => accounts.createUser(ctx.db, actorOf(ctx), input)),
  updateUser: admin.input(ZUpdateUser).mutation(({ ctx, input }) => accounts.updateUser(ctx.db, actorOf(ctx), input)),
  setRoles: admin.input(ZSetRoles).mutation(({ ctx, input }) => accounts.setRoles(ctx.db, actorOf(ctx), input)),
  setActive: admin.input(ZSetActive).mutation(({ ctx, input }) => accounts.setActive(ctx.db, actorOf(ctx), input.userId, input.active)),
  resetPassword: admin.input(ZResetPassword).mutation(({ ctx, input }) => accounts.resetPassword(ctx.db, actorOf(ctx), input)),
  unlockSignIn: admin.input(ZUserId).mutation(({ ctx, input }) => accounts.unlockSignIn(ctx.db, actorOf(ctx), input.userId)),
  listDepartments: admin.query(({ ctx }) => org.listDepartments(ctx.db)),

  listProjects: admin.query(({ ctx }) => org.listProjects(ctx.db)),
  getProject: admin.input(ZProjectId).query(({ ctx, input }) => org.getProject(ctx.db, input.projectId)),
  createProject: admin.input(ZCreateProject).mutation(({ ctx, input }) => org.createProject(ctx.db, actorOf(ctx), input)),
  updateProject: admin.input(ZUpdateProject).mutation(({ ctx, input }) => org.updateProject(ctx.db, actorOf(ctx), input)),
  createBuilding: admin.input(ZCreateBuilding).mutation(({ ctx, input }) => org.createBuilding(ctx.db, actorOf(ctx), input)),
  listUnits: admin.input(ZBuildingId).query(({ ctx, input }) => org.listUnits(ctx.db, input.buildingId)),
  createUnit: admin.input(ZCreateUnit).mutation(({ ctx, input }) => org.createUnit(ctx.db, actorOf(ctx), input)),
  generateUnits: admin.input(ZGenerateUnits).mutation(({ ctx, input }) => org.generateUnits(ctx.db, actorOf(ctx), input)),
});
