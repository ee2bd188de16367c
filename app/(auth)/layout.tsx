import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-br from-brand-900 via-brand-700 to-sky-600 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center text-white">
          <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-white/15 text-xl font-bold">客</div>
          <h1 className="text-2xl font-semibold tracking-wide">{t("name")}</h1>
          <p className="mt-1 text-sm text-white/70">{t("company")}</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-xl">{children}</div>
        <div className="mt-4 flex justify-center text-white/80">
          <LanguageSwitch tone="light" />
        </div>
      </div>
    </main>
  );
}
