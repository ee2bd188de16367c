import { describe, expect, it } from "vitest";
import { MODULES, modulesFor } from "./access";
import { ROLES, hasAnyRole, isRole } from "./roles";

describe("roles", () => {
  it("are the six roles of DOMAIN.md", () => {
    expect([...ROLES].sort()).toEqual(["admin", "archivist", "auditor", "manager", "staff", "supervisor"]);
  });

  it("isRole accepts only those names", () => {
    expect(isRole("manager")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole("Admin")).toBe(false);
  });

  it("hasAnyRole is true when one held role is allowed", () => {
    expect(hasAnyRole(["staff", "archivist"], ["archivist"])).toBe(true);
    expect(hasAnyRole(["staff"], ["manager", "supervisor"])).toBe(false);
    expect(hasAnyRole([], ["staff"])).toBe(false);
  });
});

describe("modulesFor (the sidebar)", () => {
  it("shows the admin 系统管理 but never the audit log", () => {
    expect(modulesFor(["admin"])).toContain("admin");
    expect(modulesFor(["admin"])).not.toContain("audit");
  });

  it("shows the auditor the audit log, reports and the borrow register, and nothing that changes data", () => {
    // 借阅 for the auditor is the register (借阅登记表) only; its procedures are read-only for them.
    // 一户一档 for the auditor shows the register's loans and the certificate book only (read-only).
    // 来电来访: the register and its reports, read-only for them (contacts procedures).
    expect(modulesFor(["auditor"])).toEqual(["borrowing", "contacts", "units", "audit", "statistics"]);
  });

  it("joins the modules of several roles, in sidebar order", () => {
    const joined = modulesFor(["staff", "auditor"]);
    const union = new Set([...modulesFor(["staff"]), ...modulesFor(["auditor"])]);
    expect(new Set(joined)).toEqual(union);
    expect(joined).toEqual(Object.keys(MODULES).filter((k) => union.has(k as keyof typeof MODULES)));
  });

  it("shows nothing to a user without roles", () => {
    expect(modulesFor([])).toEqual([]);
  });

  it("keeps the admin and auditor modules apart (separation of duties)", () => {
    expect(MODULES.admin.roles).toEqual(["admin"]);
    expect(MODULES.audit.roles).toEqual(["auditor"]);
  });
});
