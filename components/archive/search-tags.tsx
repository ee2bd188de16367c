import { getTranslations } from "next-intl/server";
import { Tag, type Tone } from "@/components/ui/tag";

// Status colours of STYLE.md: 在库 green, 借出 blue, 已移出 amber, 已销毁 grey.
const STATUS_TONE: Record<string, Tone> = { in_store: "green", lent: "blue", transferred: "amber", destroyed: "grey" };
const SECRECY_TONE: Record<string, Tone> = { public: "grey", internal: "blue", secret: "red" };

export async function RecordStatusTag({ status }: { status: "in_store" | "lent" | "transferred" | "destroyed" }) {
  const t = await getTranslations("archiveSearch");
  return <Tag tone={STATUS_TONE[status]}>{t(`statuses.${status}`)}</Tag>;
}

export async function ConfidentialityTag({ value }: { value: "public" | "internal" | "secret" }) {
  const t = await getTranslations("archiveSearch");
  return <Tag tone={SECRECY_TONE[value]}>{t(`confidentialities.${value}`)}</Tag>;
}
