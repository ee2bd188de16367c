"use client";

import { forwardRef, type SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";

export type DepartmentOption = { id: string; code: string; name: string };

export const DepartmentSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { departments: DepartmentOption[] }>(
  function DepartmentSelect({ departments, ...props }, ref) {
    const tc = useTranslations("common");
    return (
      <Select ref={ref} {...props}>
        <option value="">{tc("none")}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </Select>
    );
  },
);
