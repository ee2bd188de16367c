import zhCN from "./messages/zh-CN.json" with { type: "json" };
import en from "./messages/en.json" with { type: "json" };

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export type Messages = typeof zhCN;
export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function asLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}
