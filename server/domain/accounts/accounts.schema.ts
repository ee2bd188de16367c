import { z } from "zod";
import { ROLES } from "../../auth/roles";

// Shared by the admin forms (zodResolver) and the procedures (.input). Messages are keys of the
// message catalogue's "validation" namespace, translated where they are shown.
export const ZRole = z.enum(ROLES);
export const ZLoginName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, "loginName");
export const ZNewPassword = z.string().min(8, "passwordMin").max(128, "tooLong");
const ZDisplayName = z.string().trim().min(1, "required").max(50, "tooLong");
const ZPhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, "phone")
  .optional();

export const ZCreateUser = z.object({
  loginName: ZLoginName,
  displayName: ZDisplayName,
  phone: ZPhone,
  departmentId: z.uuid("required").nullish(),
  roles: z.array(ZRole).min(1, "rolesRequired"),
  initialPassword: ZNewPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  userId: z.uuid(),
  displayName: ZDisplayName,
  phone: ZPhone,
  departmentId: z.uuid("required").nullish(),
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZSetRoles = z.object({ userId: z.uuid(), roles: z.array(ZRole).min(1, "rolesRequired") });
export type TSetRoles = z.infer<typeof ZSetRoles>;

export const ZResetPassword = z.object({ userId: z.uuid(), newPassword: ZNewPassword });
export type TResetPassword = z.infer<typeof ZResetPassword>;

export const ZUserId = z.object({ userId: z.uuid() });
export const ZSetActive = z.object({ userId: z.uuid(), active: z.boolean() });

export const ZChangeOwnPassword = z
  .object({
    currentPassword: z.string().min(1, "required"),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });
export type TChangeOwnPassword = z.infer<typeof ZChangeOwnPassword>;

export const ZListUsers = z.object({
  q: z.string().trim().max(50).optional(),
  role: ZRole.optional(),
  status: z.enum(["all", "active", "inactive"]).default("all"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type TListUsers = z.infer<typeof ZListUsers>;

export const ZLogin = z.object({
  loginName: z.string().trim().toLowerCase().min(1, "required").max(64),
  password: z.string().min(1, "required").max(256),
});
