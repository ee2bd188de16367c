import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { MESSAGES } from "../../i18n/config";
import { LADDER_TARGETS } from "./ladder";

// The notification texts the ladders and the clock warnings send are ICU messages with plurals
// and selects: render each in both languages so a syntax slip fails here, not in the inbox.
describe("calendar notification texts", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "notifications.kinds" });
    it(`renders every ladder and warning kind in ${locale}`, () => {
      for (const target of LADDER_TARGETS) {
        const cap = `${target[0]!.toUpperCase()}${target.slice(1)}`;
        const loan = t(`loanLadder${cap}` as "loanLadderSubject", { requestNo: "JY-2026-0007", dueOn: "2026-11-17", days: 3, level: 2, borrower: "王丽娜" });
        expect(loan).toContain("JY-2026-0007");
        const complaint = t(`complaintLadder${cap}` as "complaintLadderSubject", { complaintNo: "TS-2026-0007", complainant: "业主", level: 2, hours: 25, since: "2026-11-30 03:52" });
        expect(complaint).toContain("TS-2026-0007");
      }
      expect(t("loanLadderSubject", { requestNo: "JY-1", dueOn: "2026-11-17", days: 0, level: 1, borrower: "x" })).toMatch(locale === "en" ? /today/ : /今天到期/);
      expect(t("complaintClockDueSoon", { complaintNo: "TS-1", due: "2026-11-30 10:00", clock: "progress" })).toMatch(locale === "en" ? /progress report/ : /进展汇报/);
    });
  }
});
