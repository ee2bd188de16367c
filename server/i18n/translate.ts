import { createTranslator } from "next-intl";
import { MESSAGES, type Locale } from "./config";

/** A translator outside React (error formatter, PDFs, exports). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
