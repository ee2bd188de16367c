import { z } from "zod";

// 产权证领取: shared by the hand-out form and the certificate procedures. Messages are keys of
// the "validation" namespace.

const text = (max: number) => z.string().trim().max(max, "tooLong");
const optionalText = (max: number) => text(max).optional().transform((v) => v || undefined);

export const HANDOUT_STATES = ["valid", "unconfirmed", "voided"] as const;

export const ZHandoutList = z.object({
  /** 领取单号, 产权证号, 房号, owner or recipient name (part of it). */
  q: text(50).optional(),
  state: z.enum(HANDOUT_STATES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type THandoutList = z.input<typeof ZHandoutList>;

export const ZUnitSearch = z.object({ q: z.string().trim().min(1, "required").max(30, "tooLong") });
export const ZBuildingId = z.object({ buildingId: z.uuid("required") });
export const ZUnitId = z.object({ unitId: z.uuid("required") });
export const ZHandoutId = z.object({ handoutId: z.uuid("required") });

export const ZCreateHandout = z
  .object({
    unitId: z.uuid("unitRequired"),
    certificateNo: z.string().trim().min(4, "certificateNo").max(60, "certificateNo"),
    ownerClientId: z.uuid("ownerRequired"),
    /** The owner's ID number as presented (checked against the contract's buyer on the server). */
    ownerIdNumber: z.string().trim().min(1, "idNumberRequired").max(30, "tooLong"),
    recipientKind: z.enum(["owner", "agent"]),
    agentName: optionalText(30),
    agentIdNumber: optionalText(30),
    powerOfAttorney: optionalText(60),
    recipientPhone: z
      .string()
      .trim()
      .max(20, "phone")
      .regex(/^$|^[0-9+\-() ]{7,20}$/, "phone")
      .optional()
      .transform((v) => v || undefined),
    /** The recipient has signed the 领取确认单 at the desk. */
    confirmed: z.boolean().default(false),
    remarks: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.recipientKind !== "agent") return;
    if (!v.agentName) ctx.addIssue({ code: "custom", path: ["agentName"], message: "agentName" });
    if (!v.agentIdNumber) ctx.addIssue({ code: "custom", path: ["agentIdNumber"], message: "idNumberRequired" });
    if (!v.powerOfAttorney) ctx.addIssue({ code: "custom", path: ["powerOfAttorney"], message: "powerOfAttorney" });
  });
export type TCreateHandout = z.input<typeof ZCreateHandout>;

export const ZVoidHandout = z.object({ handoutId: z.uuid("required"), reason: z.string().trim().min(2, "voidReason").max(200, "voidReason") });
export type TVoidHandout = z.input<typeof ZVoidHandout>;
