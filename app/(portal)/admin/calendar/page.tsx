import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { CALENDAR_READERS, CALENDAR_ADMINS } from "@/server/domain/calendar/calendar.policy";
import { hasAnyRole } from "@/server/auth/roles";
import { shanghaiDay } from "@/server/domain/time";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { YearGrid } from "@/components/calendar/year-grid";
import { CalendarDayForm, CalendarImportForm, RemoveDayButton } from "@/components/calendar/calendar-forms";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("calendarPage", "title");

// Years the seed enters provisionally (statutory days only) until the State Council publishes them.
const PROVISIONAL_YEARS = new Set([2027]);

/** 工作日历 (admin): a year of 放假 / 调休上班 exceptions; add, remove, import (audited). */
async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requireRoles(CALENDAR_READERS);
  const t = await getTranslations("calendarPage");
  const tk = await getTranslations("calendarKinds");
  const sp = await searchParams;
  const current = Number(shanghaiDay(new Date()).slice(0, 4));
  const asked = Number(sp.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : current;
  const data = await (await api()).calendar.year({ year });
  const canEdit = hasAnyRole(user.roles, CALENDAR_ADMINS);
  const provisional = PROVISIONAL_YEARS.has(year) && data.days.length > 0 && data.workdays === 0;
  return (
    <>
      <PageHeader
        crumbs={t("crumbs")}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <LinkButton href={`/admin/calendar?year=${year - 1}`} variant="secondary" size="sm">{t("prevYear")}</LinkButton>
            <span className="px-2 text-lg font-semibold tabular-nums text-slate-800">{t("year", { year })}</span>
            <LinkButton href={`/admin/calendar?year=${year + 1}`} variant="secondary" size="sm">{t("nextYear")}</LinkButton>
          </>
        }
      />
      {provisional && <p role="note" className="mb-4 rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-800 ring-1 ring-amber-200">{t("provisional", { year })}</p>}
      <div className="grid gap-4">
        <Card title={`${t("year", { year })} · ${t("summary", { holidays: data.holidays, workdays: data.workdays })}`}>
          <YearGrid year={year} days={data.days} />
        </Card>
        <div className="grid gap-4 xl:grid-cols-2">
          <Card title={t("listTitle")}>
            {data.days.length === 0 ? (
              <EmptyState>{t("empty", { year })}</EmptyState>
            ) : (
              <Table caption={t("listTitle")}>
                <thead>
                  <tr>
                    <Th>{t("day")}</Th>
                    <Th>{t("kind")}</Th>
                    <Th>{t("name")}</Th>
                    {canEdit && <Th>{t("actions")}</Th>}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.days.map((d) => (
                    <tr key={d.day}>
                      <Td className="font-mono text-xs">{d.day}</Td>
                      <Td>{d.kind === "holiday" ? <Tag tone="red">{tk("holiday")}</Tag> : <Tag tone="amber">{tk("workday")}</Tag>}</Td>
                      <Td>{d.name}</Td>
                      {canEdit && (
                        <Td>
                          <RemoveDayButton day={d.day} />
                        </Td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
          {canEdit && (
            <div className="grid content-start gap-4">
              <Card title={t("addTitle")}>
                <CalendarDayForm year={year} />
              </Card>
              <Card title={t("importTitle")}>
                <CalendarImportForm />
              </Card>
            </div>
          )}
        </div>
      </div>
    </>
  );
}

export default withClientMessages(["calendarKinds", "calendarPage"], CalendarPage);
