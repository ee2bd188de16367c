import { getTranslations } from "next-intl/server";
import { Tag, type Tone } from "@/components/ui/tag";

const LIST_TONE: Record<string, Tone> = { draft: "grey", submitted: "amber", approved: "violet", rejected: "red", done: "green" };

export async function WeedingStatusTag({ status }: { status: "draft" | "submitted" | "approved" | "rejected" | "done" }) {
  const t = await getTranslations("weeding");
  return <Tag tone={LIST_TONE[status]}>{t(`statuses.${status}`)}</Tag>;
}

export async function WeedingKindTag({ kind }: { kind: "destroy" | "transfer" }) {
  const t = await getTranslations("weeding");
  return <Tag tone={kind === "destroy" ? "red" : "blue"}>{t(`kinds.${kind}`)}</Tag>;
}
