"use client";

import { useEffect, useState } from "react";
import { NextIntlClientProvider } from "next-intl";
import zhCN from "@/server/i18n/messages/zh-CN.json";
import en from "@/server/i18n/messages/en.json";
import { ErrorView } from "@/components/errors/error-view";
import "./globals.css";

// The cookie the language switch sets (LOCALE_COOKIE in server/i18n/config.ts, which this client
// file does not import: it would pull in every module's catalogue).
const LOCALE_COOKIE = "NEXT_LOCALE";

/**
 * The last resort: the root layout itself failed, so there is no next-intl provider, no session
 * and no frame — only this page in the user's language (zh-CN unless their cookie says en) and
 * the ways back. Never the error's message: the digest is the reference for IT.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [locale, setLocale] = useState<"zh-CN" | "en">("zh-CN");
  useEffect(() => {
    const chosen = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.split("=")[1];
    if (chosen === "en") setLocale("en");
  }, []);
  const messages = { common: { errorPage: (locale === "en" ? en : zhCN).common.errorPage } };
  return (
    <html lang={locale}>
      <body>
        <title>{`${messages.common.errorPage.errorTitle} · ${(locale === "en" ? en : zhCN).app.name}`}</title>
        <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Shanghai">
          <main className="flex min-h-screen items-center justify-center px-4">
            <ErrorView digest={error.digest} reset={reset} />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
