import { useTranslations } from "next-intl";
import { Tag } from "@/components/ui/tag";

import { RECORD_STATUS_TONE as STATUS_TONE, SECRECY_TONE as SECRET_TONE } from "./record-tones";

export function StatusTag({ status }: { status: keyof typeof STATUS_TONE }) {
  const t = useTranslations("archive.status");
  return <Tag tone={STATUS_TONE[status]}>{t(status)}</Tag>;
}

export function ConfidentialityTag({ value }: { value: keyof typeof SECRET_TONE }) {
  const t = useTranslations("archive.confidentiality");
  return <Tag tone={SECRET_TONE[value]}>{t(value)}</Tag>;
}

export { CompletenessBar } from "./completeness-bar";
