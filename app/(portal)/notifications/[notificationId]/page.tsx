import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { idOrNotFound } from "@/server/api/not-found";
import { openNotification } from "@/server/domain/notifications/notifications.service";

// Following a notice marks it read and goes where it points. Only the recipient's own notices
// open; anyone else's id is a 404, not a hint that it exists.
export default async function OpenNotificationPage({ params }: { params: Promise<{ notificationId: string }> }) {
  const user = await requireUser();
  const notificationId = idOrNotFound((await params).notificationId);
  const opened = await openNotification(await db(), user.id, notificationId);
  if (!opened) notFound();
  redirect(opened.link ?? "/notifications");
}
