import { getTranslations } from "next-intl/server";
import { Tag, type Tone } from "@/components/ui/tag";

import { STATUS_TONE } from "./status-tone";


export async function AppraisalStatusTag({ status, response }: { status: "draft" | "scored" | "confirmed" | "finalised"; response?: "acknowledged" | "disputed" | null }) {
  const t = await getTranslations("appraisal");
  return (
    <span className="inline-flex items-center gap-1">
      <Tag tone={STATUS_TONE[status]}>{t(`statuses.${status}`)}</Tag>
      {response === "disputed" && <Tag tone="red">{t("responses.disputed")}</Tag>}
    </span>
  );
}

export const kindTone = (kind: string): Tone => (kind === "year_end" ? "violet" : kind === "monthly" ? "blue" : "grey");

export async function AppraisalKindTag({ kind }: { kind: "weekly_check" | "monthly_check" | "spot_check" | "monthly" | "year_end" }) {
  const t = await getTranslations("appraisal");
  return <Tag tone={kindTone(kind)}>{t(`kinds.${kind}`)}</Tag>;
}
