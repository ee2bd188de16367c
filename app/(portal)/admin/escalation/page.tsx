import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { CALENDAR_ADMINS } from "@/server/domain/calendar/calendar.policy";
import { formatShanghai } from "@/server/domain/time";
import { LADDER_KEYS } from "@/server/domain/calendar/ladder";
import { Card, PageHeader } from "@/components/ui/card";
import { LadderForm } from "@/components/calendar/ladder-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("escalationPage", "title");

/** 逾期升级 (admin): the levels of the loan and major-complaint ladders (audited). */
async function EscalationPage() {
  await requireRoles(CALENDAR_ADMINS);
  const t = await getTranslations("escalationPage");
  const ladders = await (await api()).calendar.ladders();
  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-4">
        {LADDER_KEYS.map((key) => (
          <Card key={key} title={t(key)} actions={<span className="text-xs text-slate-500">{ladders[key].updatedAt ? t("lastUpdated", { at: formatShanghai(ladders[key].updatedAt) }) : t("defaults")}</span>}>
            <p className="mb-3 text-sm text-slate-500">{t(`${key}Hint`)}</p>
            <LadderForm ladderKey={key} levels={ladders[key].levels} />
          </Card>
        ))}
      </div>
    </>
  );
}

export default withClientMessages(["escalationPage", "ladderTargets"], EscalationPage);
