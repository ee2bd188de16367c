import { useTranslations } from "next-intl";

/** 永久 or "N 年". */
export function RetentionLabel({ years }: { years: number | null }) {
  const t = useTranslations("archive");
  return <>{years === null ? t("retentionPermanent") : t("retentionYears", { years })}</>;
}
