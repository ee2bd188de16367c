import { getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";

export async function FollowUpTag({ state }: { state: "open" | "done" | "none" }) {
  const t = await getTranslations("contacts");
  if (state === "none") return <span className="text-slate-400">—</span>;
  return <Tag tone={state === "open" ? "amber" : "green"}>{t(`followUps.${state}`)}</Tag>;
}

export async function ReportStatusTag({ status }: { status: "draft" | "signed" | "superseded" }) {
  const t = await getTranslations("contactReports");
  return <Tag tone={status === "signed" ? "green" : status === "draft" ? "amber" : "grey"}>{t(`statuses.${status}`)}</Tag>;
}
