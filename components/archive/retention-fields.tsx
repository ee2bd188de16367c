"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";

/** 保管期限: 永久 / 30 年 / 10 年 / 自定义 + years (the years field only for 自定义). */
export function RetentionFields({
  idPrefix,
  retention,
  customYears,
  showCustom,
  classDefault,
  errors,
}: {
  idPrefix: string;
  retention: UseFormRegisterReturn;
  customYears: UseFormRegisterReturn;
  showCustom: boolean;
  /** When set, a first option "按类别默认（…）" with value "class". */
  classDefault?: string;
  errors: { retention?: string; customYears?: string };
}) {
  const t = useTranslations("archive");
  return (
    <>
      <Field label={classDefault === undefined ? t("defaultRetention") : t("retention")} htmlFor={`${idPrefix}-retention`} error={errors.retention} required>
        <Select id={`${idPrefix}-retention`} {...retention}>
          {classDefault !== undefined && <option value="class">{t("retentionClass", { value: classDefault })}</option>}
          <option value="permanent">{t("retentionPermanent")}</option>
          <option value="30">{t("retention30")}</option>
          <option value="10">{t("retention10")}</option>
          <option value="custom">{t("retentionCustom")}</option>
        </Select>
      </Field>
      {showCustom && (
        <Field label={t("customYears")} htmlFor={`${idPrefix}-years`} error={errors.customYears} required>
          <Input id={`${idPrefix}-years`} inputMode="numeric" {...customYears} aria-invalid={!!errors.customYears} />
        </Field>
      )}
    </>
  );
}
