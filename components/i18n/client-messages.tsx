import type { ComponentType, ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { ROOT_CLIENT_NAMESPACES, pickMessages, type Namespace } from "@/server/i18n/client-namespaces";

/**
 * A provider with only the given namespaces (plus the root's), instead of the whole catalogue
 * (~95 KB of page data on every page). A nested provider replaces its parent's messages, so
 * the root's shared namespaces are always included.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), [...ROOT_CLIENT_NAMESPACES, ...namespaces]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

/**
 * A page whose client components need namespaces beyond the root's:
 * `export default withClientMessages(["archive", "loans"], RecordPage)`.
 * client-scopes.test.ts reads the list from this call.
 */
export function withClientMessages<P extends object>(namespaces: readonly Namespace[], Page: ComponentType<P>) {
  function WithClientMessages(props: P) {
    return (
      <ClientMessages namespaces={namespaces}>
        <Page {...props} />
      </ClientMessages>
    );
  }
  return WithClientMessages;
}
