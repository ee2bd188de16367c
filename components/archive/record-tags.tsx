import { useTranslations } from "next-intl";
import { Tag, type Tone } from "@/components/ui/tag";

// Colours users know from the paper registers: 在库 green, 借出 blue, 已移出 amber, 已销毁 grey.
const STATUS_TONE = { in_store: "green", lent: "blue", transferred: "amber", destroyed: "grey" } as const satisfies Record<string, Tone>;
const SECRET_TONE = { public: "grey", internal: "blue", secret: "red" } as const satisfies Record<string, Tone>;

export function StatusTag({ status }: { status: keyof typeof STATUS_TONE }) {
  const t = useTranslations("archive.status");
  return <Tag tone={STATUS_TONE[status]}>{t(status)}</Tag>;
}

export function ConfidentialityTag({ value }: { value: keyof typeof SECRET_TONE }) {
  const t = useTranslations("archive.confidentiality");
  return <Tag tone={SECRET_TONE[value]}>{t(value)}</Tag>;
}

export { CompletenessBar } from "./completeness-bar";
