import { getTranslations } from "next-intl/server";
import { Tag, type Tone } from "@/components/ui/tag";

const OUTCOME_TONE: Record<string, Tone> = { present: "green", missing: "red", misplaced: "amber", unknown: "violet", on_loan: "blue" };

export async function OutcomeTag({ outcome }: { outcome: "present" | "missing" | "misplaced" | "unknown" | "on_loan" }) {
  const t = await getTranslations("stockTakes");
  return <Tag tone={OUTCOME_TONE[outcome]}>{t(`outcomes.${outcome}`)}</Tag>;
}

export async function StockTakeStatusTag({ status }: { status: "open" | "finished" }) {
  const t = await getTranslations("stockTakes");
  return <Tag tone={status === "open" ? "amber" : "green"}>{t(`statuses.${status}`)}</Tag>;
}

const RECORD_TONE: Record<string, Tone> = { in_store: "green", lent: "blue", transferred: "grey", destroyed: "grey" };

export async function BoxRecordStatusTag({ status }: { status: "in_store" | "lent" | "transferred" | "destroyed" }) {
  const t = await getTranslations("labels");
  return <Tag tone={RECORD_TONE[status]}>{t(`statuses.${status}`)}</Tag>;
}
