"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { setLocaleAction } from "./actions";
import { useHydrated } from "@/components/forms/use-hydrated";

export function LanguageSwitch({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const locale = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated || pending}
      onClick={() =>
        start(async () => {
          await setLocaleAction(locale === "en" ? "zh-CN" : "en");
          router.refresh();
        })
      }
      className={cn(
        "inline-flex items-center gap-1 rounded px-2 py-1 text-xs",
        tone === "light" ? "hover:bg-white/10" : "text-slate-600 hover:bg-slate-100",
      )}
    >
      <Languages className="h-3.5 w-3.5" aria-hidden />
      {t("language")}
    </button>
  );
}
