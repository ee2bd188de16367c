import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DOMAIN_ERRORS, DomainError } from "../domain/errors";
import { MESSAGES } from "../i18n/config";
import { ZCreateUser } from "../domain/accounts/accounts.schema";
import { ZGenerateUnits } from "../domain/org/org.schema";
import { formatError } from "./error-format";

function zodFailure(schema: z.ZodType, input: unknown): TRPCError {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected the input to be refused");
  return new TRPCError({ code: "BAD_REQUEST", cause: r.error });
}

const goodUser = { loginName: "zhangwei", displayName: "张伟", roles: ["staff"], initialPassword: "Kefu-Archive-2026" };

describe("formatError: domain errors", () => {
  const taken = new TRPCError({ code: "CONFLICT", cause: new DomainError("LOGIN_NAME_TAKEN", { loginName: "zhangwei" }) });

  it("translates into Chinese by default, filling in the parameters", () => {
    expect(formatError(taken)).toEqual({ message: "登录名 zhangwei 已被使用。", domainCode: "LOGIN_NAME_TAKEN", fieldErrors: null });
    expect(formatError(taken, "zh-CN").message).toBe("登录名 zhangwei 已被使用。");
  });

  it("translates into English", () => {
    expect(formatError(taken, "en").message).toBe("The login name zhangwei is taken.");
  });

  it("translates the minimum password length", () => {
    const e = new TRPCError({ code: "BAD_REQUEST", cause: new DomainError("PASSWORD_TOO_SHORT", { min: 8 }) });
    expect(formatError(e, "zh-CN").message).toBe("密码至少 8 位。");
    expect(formatError(e, "en").message).toBe("The password needs at least 8 characters.");
  });

  it("puts a refusal that names a field under that field, and gives the link it offers with its label", () => {
    const cause = new DomainError("APPRAISAL_SLOT_TAKEN", { period: "2026-03" }, { field: "period", link: "/appraisal/abc" });
    const e = new TRPCError({ code: "CONFLICT", cause });
    const zh = formatError(e, "zh-CN");
    expect(zh.fieldErrors).toEqual({ period: zh.message });
    expect(zh).toMatchObject({ link: { href: "/appraisal/abc", label: "查看已有考核" } });
    expect(formatError(e, "en")).toMatchObject({ link: { href: "/appraisal/abc", label: "Open the existing assessment" } });
    // A code with no label of its own gets the general one.
    const other = new TRPCError({ code: "CONFLICT", cause: new DomainError("CONFLICT", {}, { link: "/x" }) });
    expect(formatError(other)).toMatchObject({ link: { href: "/x", label: "查看" }, fieldErrors: null });
  });

  it("has a Chinese and an English message for every domain error code", () => {
    for (const code of Object.keys(DOMAIN_ERRORS) as (keyof typeof DOMAIN_ERRORS)[]) {
      // Every placeholder the Chinese message names is given, so a missing one shows up as a raw key.
      const raw = (MESSAGES["zh-CN"].errors as Record<string, string>)[code] ?? "";
      const params = Object.fromEntries([...raw.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, "x"]));
      const e = new TRPCError({ code: DOMAIN_ERRORS[code], cause: new DomainError(code, params) });
      const zh = formatError(e, "zh-CN").message;
      const en = formatError(e, "en").message;
      expect(zh, code).not.toMatch(/errors\./);
      expect(en, code).not.toMatch(/errors\./);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en, code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("formatError: validation errors", () => {
  it("gives one translated message per field from the validation.* keys", () => {
    const e = zodFailure(ZCreateUser, { ...goodUser, loginName: "1x", roles: [], initialPassword: "short" });
    const zh = formatError(e, "zh-CN");
    expect(zh.domainCode).toBe("BAD_INPUT");
    expect(zh.message).toBe("输入有误，请检查标红的字段。");
    expect(zh.fieldErrors).toEqual({
      loginName: "3–32 位，以字母开头，只能包含字母、数字、点、下划线或短横线",
      roles: "至少选择一个角色",
      initialPassword: "密码至少 8 位",
    });
    const en = formatError(e, "en");
    expect(en.message).toBe("Please check the fields marked in red.");
    expect(en.fieldErrors).toEqual({
      loginName: "3–32 characters, starting with a letter: letters, digits, dot, underscore or hyphen",
      roles: "Choose at least one role",
      initialPassword: "At least 8 characters",
    });
  });

  it("reports a cross-field rule on the field it names", () => {
    const e = zodFailure(ZGenerateUnits, { buildingId: "7d3f6a3e-5b8c-4a8e-9a47-0d1e2f3a4b5c", fromFloor: 10, toFloor: 3, unitsPerFloor: 4 });
    expect(formatError(e).fieldErrors).toEqual({ toFloor: "结束楼层不能小于起始楼层" });
  });

  it("falls back to a generic message for zod's own messages, and keys nested paths with dots", () => {
    const e = zodFailure(z.object({ a: z.object({ b: z.number() }) }), { a: { b: "x" } });
    expect(formatError(e).fieldErrors).toEqual({ "a.b": "输入无效" });
    expect(formatError(e, "en").fieldErrors).toEqual({ "a.b": "Invalid value" });
  });

  it("keys a whole-input error as _", () => {
    const e = zodFailure(z.object({ a: z.string() }), "not an object");
    expect(formatError(e).fieldErrors).toEqual({ _: "输入无效" });
  });

  it("keeps the first message of a field with several problems", () => {
    const e = zodFailure(z.object({ code: z.string().min(3, "required").regex(/^[a-z]+$/, "code") }), { code: "A" });
    expect(formatError(e).fieldErrors).toEqual({ code: "必填" });
  });
});

describe("formatError: other tRPC errors", () => {
  it("maps bare tRPC codes to catalogue messages", () => {
    expect(formatError(new TRPCError({ code: "UNAUTHORIZED" })).message).toBe("请先登录。");
    expect(formatError(new TRPCError({ code: "FORBIDDEN" })).message).toBe("您没有执行此操作的权限。");
    expect(formatError(new TRPCError({ code: "NOT_FOUND" }), "en").message).toBe("Not found, or you may not see it.");
  });

  it("never shows an internal error's own text to the user", () => {
    const e = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: 'relation "User" does not exist', cause: new Error("db down") });
    expect(formatError(e)).toEqual({ message: "系统出错，请稍后再试。", domainCode: null, fieldErrors: null });
  });
});

describe("message catalogues", () => {
  function keys(obj: unknown, prefix = ""): string[] {
    if (typeof obj !== "object" || obj === null) return [prefix];
    return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }

  it("zh-CN and en have the same keys", () => {
    const zh = keys(MESSAGES["zh-CN"]).sort();
    const en = keys(MESSAGES.en).sort();
    expect(en.filter((k) => !zh.includes(k)), "keys only in en").toEqual([]);
    expect(zh.filter((k) => !en.includes(k)), "keys only in zh-CN").toEqual([]);
  });
});
