// DomainError codes of this part of 档案管理 → tRPC codes (merged into server/domain/errors.ts).
export const HANDOVER_ERRORS = {} as const;
