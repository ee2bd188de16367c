import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Bell } from "lucide-react";
import { db } from "@/server/db/client";
import { countUnread } from "@/server/domain/notifications/notifications.service";

export async function NotificationBell({ userId }: { userId: string }) {
  const t = await getTranslations("notifications");
  const unread = await countUnread(await db(), userId);
  return (
    <Link href="/notifications" className="relative inline-flex h-8 w-8 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100" aria-label={t("bell", { unread })} data-testid="notification-bell">
      <Bell className="h-4 w-4" aria-hidden />
      {unread > 0 && (
        <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white" aria-hidden>
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
