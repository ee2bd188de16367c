"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ROLES } from "@/server/auth/roles";

export function RoleCheckboxes({ register, idPrefix }: { register: UseFormRegisterReturn; idPrefix: string }) {
  const tr = useTranslations("roles");
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      {ROLES.map((role) => (
        <label key={role} htmlFor={`${idPrefix}-${role}`} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
          <input id={`${idPrefix}-${role}`} type="checkbox" value={role} {...register} className="h-4 w-4 accent-brand-600" />
          {tr(role)}
        </label>
      ))}
    </div>
  );
}
