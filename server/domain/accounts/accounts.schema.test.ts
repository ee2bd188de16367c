import { describe, expect, it } from "vitest";
import { ZChangeOwnPassword, ZCreateUser, ZListUsers, ZLoginName } from "./accounts.schema";

const good = { loginName: "zhangwei", displayName: "张伟", roles: ["staff"], initialPassword: "Kefu-Archive-2026" };
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

describe("ZLoginName", () => {
  it("trims and lower-cases, so ZhangWei and zhangwei are one account", () => {
    expect(ZLoginName.parse("  ZhangWei ")).toBe("zhangwei");
  });

  it("accepts 3–32 characters starting with a letter", () => {
    for (const ok of ["abc", "zhang.wei", "li_si-2", "a".repeat(32)]) expect(ZLoginName.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["ab", "1abc", "a".repeat(33), "张伟", "li si", "li@si"]) expect(ZLoginName.safeParse(bad).success, bad).toBe(false);
  });
});

describe("ZCreateUser", () => {
  it("accepts a complete user", () => {
    expect(ZCreateUser.safeParse(good).success).toBe(true);
  });

  it("accepts mobile and landline numbers and refuses others", () => {
    for (const phone of ["13812345678", "010-12345678", "075512345678", ""]) expect(ZCreateUser.safeParse({ ...good, phone }).success, phone).toBe(true);
    expect(issues(ZCreateUser.safeParse({ ...good, phone: "12345" }))).toEqual(["phone:phone"]);
  });

  it("requires at least one valid role and a password of 8+ characters", () => {
    expect(issues(ZCreateUser.safeParse({ ...good, roles: [] }))).toEqual(["roles:rolesRequired"]);
    expect(ZCreateUser.safeParse({ ...good, roles: ["root"] }).success).toBe(false);
    expect(issues(ZCreateUser.safeParse({ ...good, initialPassword: "1234567" }))).toEqual(["initialPassword:passwordMin"]);
  });

  it("refuses a blank display name", () => {
    expect(issues(ZCreateUser.safeParse({ ...good, displayName: "   " }))).toEqual(["displayName:required"]);
  });
});

describe("ZChangeOwnPassword", () => {
  it("reports a mismatched confirmation on the confirmation field", () => {
    const r = ZChangeOwnPassword.safeParse({ currentPassword: "x", newPassword: "Kefu-Archive-2026", confirmPassword: "Kefu-Archive-2027" });
    expect(issues(r)).toEqual(["confirmPassword:passwordMismatch"]);
  });
});

describe("ZListUsers", () => {
  it("defaults to the first page of 20, all statuses", () => {
    expect(ZListUsers.parse({})).toEqual({ status: "all", page: 1, pageSize: 20 });
  });

  it("caps the page size at 100", () => {
    expect(ZListUsers.safeParse({ pageSize: 101 }).success).toBe(false);
  });
});
