import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationText } from "@/components/notifications/notification-text";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("notifications", "title");

type Search = { unread?: string; cursor?: string };

async function NotificationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser();
  const sp = await searchParams;
  const t = await getTranslations("notifications");
  const caller = await api();
  const unreadOnly = sp.unread === "1";
  const drawnAt = new Date();
  const [page, unread] = await Promise.all([caller.notifications.list({ unreadOnly, cursor: sp.cursor }), caller.notifications.unreadCount()]);
  const filter = (on: boolean, label: string, href: string) => (
    <Link href={href} aria-current={on ? "page" : undefined} className={cn("rounded-md px-3 py-1 text-sm", on ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100")}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { unread })} actions={unread > 0 ? <MarkAllReadButton seenAt={drawnAt.toISOString()} /> : undefined} />
      <div className="mb-3 flex gap-2">
        {filter(!unreadOnly, t("all"), "/notifications")}
        {filter(unreadOnly, t("unreadOnly"), "/notifications?unread=1")}
      </div>
      {page.items.length === 0 ? (
        <EmptyState>{unreadOnly ? t("noneUnread") : t("none")}</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" data-testid="notification-list">
            {page.items.map((n) => (
              <li key={n.id}>
                <Link href={`/notifications/${n.id}`} className={cn("flex items-start gap-3 px-1 py-2.5 hover:bg-slate-50", !n.readAt && "font-medium")}>
                  <span aria-hidden className={cn("mt-1.5 h-2 w-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-brand-600")} />
                  <span className="flex-1 text-sm text-slate-800">
                    <NotificationText kind={n.kind} params={n.params} />
                    {!n.readAt && <span className="sr-only"> ({t("unread")})</span>}
                  </span>
                  <time className="shrink-0 text-xs text-slate-500" dateTime={n.createdAt.toISOString()}>
                    {formatShanghai(n.createdAt)}
                  </time>
                </Link>
              </li>
            ))}
          </ul>
          {page.nextCursor && (
            <div className="mt-3 text-right">
              <Link className="text-sm text-brand-600 hover:underline" href={`/notifications?${new URLSearchParams({ ...(unreadOnly ? { unread: "1" } : {}), cursor: page.nextCursor })}`}>
                {t("older")}
              </Link>
            </div>
          )}
        </Card>
      )}
    </>
  );
}

export default withClientMessages(["notifications"], NotificationsPage);
