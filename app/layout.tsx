import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Toaster } from "sonner";
import { TRPCReactProvider } from "@/components/trpc";
import { ROOT_CLIENT_NAMESPACES, pickMessages } from "@/server/i18n/client-namespaces";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next.js puts proxy.ts's CSP nonce on its scripts while it
  // renders, and a page prerendered at build time would carry none (its scripts would be refused).
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* Only the shell's namespaces: pages add theirs with withClientMessages (see client-scopes.test.ts). */}
        <NextIntlClientProvider messages={pickMessages(await getMessages(), ROOT_CLIENT_NAMESPACES)}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
          <Toaster position="top-center" richColors closeButton />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
