import { getTranslations } from "next-intl/server";
import { Tag, type Tone } from "@/components/ui/tag";

const STATUS_TONE: Record<"checking" | "signed", Tone> = { checking: "amber", signed: "green" };

/** 核对中 amber (waiting for the archivist), 已签收 green (filed). */
export async function HandoverStatusTag({ status }: { status: "checking" | "signed" }) {
  const t = await getTranslations("handover");
  return <Tag tone={STATUS_TONE[status]}>{t(`statuses.${status}`)}</Tag>;
}
