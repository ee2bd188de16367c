import { getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";
import { RECORD_STATUS_TONE, SECRECY_TONE } from "./record-tones";

export async function RecordStatusTag({ status }: { status: "in_store" | "lent" | "transferred" | "destroyed" }) {
  const t = await getTranslations("archiveSearch");
  return <Tag tone={RECORD_STATUS_TONE[status]}>{t(`statuses.${status}`)}</Tag>;
}

export async function ConfidentialityTag({ value }: { value: "public" | "internal" | "secret" }) {
  const t = await getTranslations("archiveSearch");
  return <Tag tone={SECRECY_TONE[value]}>{t(`confidentialities.${value}`)}</Tag>;
}
