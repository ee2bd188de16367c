import { getTranslations } from "next-intl/server";

/** A notice in the reader's language: the catalogue's notifications.kinds.<kind> with its params. */
export async function NotificationText({ kind, params }: { kind: string; params: unknown }) {
  const t = await getTranslations("notifications");
  const values = params && typeof params === "object" ? (params as Record<string, string | number>) : {};
  const key = `kinds.${kind}`;
  // A kind this build has no text for (e.g. written by a newer instance) still shows something.
  return <>{t.has(key as never) ? t(key as never, values as never) : kind}</>;
}
