import { useTranslations } from "next-intl";
import { Tag, type Tone } from "@/components/ui/tag";
import type { BorrowStatus, BorrowType } from "@/server/db/generated/client";

// Shared by every 借阅 page (server or client components: no hooks beyond the translator).
const STATUS_TONE: Record<BorrowStatus, Tone> = {
  requested: "amber",
  pending_second: "violet",
  approved: "green",
  rejected: "red",
  lent: "blue",
  renewed: "blue",
  returned: "grey",
  withdrawn: "grey",
};

export function BorrowStatusTag({ status }: { status: BorrowStatus }) {
  const t = useTranslations("borrowStatus");
  return (
    <Tag tone={STATUS_TONE[status]} testId="borrow-status">
      {t(status)}
    </Tag>
  );
}

export function BorrowTypeTag({ type, below }: { type: BorrowType; below?: boolean }) {
  const t = useTranslations("borrowType");
  return (
    <Tag tone={type === "takeaway" ? "blue" : "grey"} below={below}>
      {t(type)}
    </Tag>
  );
}

/** 逾期 N 天 beside a loan past its due day (nothing otherwise). */
export function OverdueTag({ days }: { days: number }) {
  const t = useTranslations("borrowing");
  if (days <= 0) return null;
  return <Tag tone="red">{t("overdueDays", { days })}</Tag>;
}

export function SecretTag() {
  const t = useTranslations("borrowing");
  return <Tag tone="red">{t("secret")}</Tag>;
}
