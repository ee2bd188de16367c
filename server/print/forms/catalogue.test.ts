import { describe, expect, it } from "vitest";
import { LOCALES, MESSAGES } from "../../i18n/config";
import { catalogueKeyOf } from "../print-overview";
import { PRINT_FORMS } from "./index";

// The 表单打印 page names every form by these three texts; a missing one shows the raw key there.
describe("every printable form is named in the catalogue", () => {
  for (const locale of LOCALES) {
    it(locale, () => {
      const forms = (MESSAGES[locale] as unknown as { print: { forms: Record<string, Record<string, unknown>> } }).print.forms;
      for (const f of PRINT_FORMS) {
        const entry = forms[catalogueKeyOf(f.key)];
        for (const text of ["short", "description", "where"]) expect(typeof entry?.[text], `${locale} ${f.key}.${text}`).toBe("string");
      }
    });
  }
});
