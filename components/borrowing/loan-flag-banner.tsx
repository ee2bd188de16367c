import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";
import { LoanFlagClear } from "./loan-flag-clear";

/**
 * The archive record page's 借阅 banner: the flag an incomplete return left (with the archivist's
 * clear button) and the slip that reserves or holds the record now. Nothing when neither applies.
 */
export async function LoanFlagBanner({ recordId, canClear, canOpenSlip }: { recordId: string; canClear: boolean; canOpenSlip: boolean }) {
  const [t, state] = await Promise.all([getTranslations("loans"), (await api()).borrowing.loans.recordState({ recordId })]);
  if (!state.flaggedAt && !state.heldBy) return null;
  return (
    <div className="mb-4 space-y-2">
      {state.flaggedAt && (
        <div role="alert" data-testid="record-flag" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">{t("flagBanner", { note: state.flagNote ?? "" })}</p>
          <p className="mt-0.5 text-xs text-red-700">{t("flagBannerAt", { at: formatShanghai(state.flaggedAt) })}</p>
          {canClear && (
            <div className="mt-2">
              <LoanFlagClear recordId={recordId} />
            </div>
          )}
        </div>
      )}
      {state.heldBy && (
        <div data-testid="record-held" className="rounded-md border border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-800">
          {t("heldBy", { requestNo: state.heldBy.requestNo, dueOn: state.heldBy.dueOn })}{" "}
          {canOpenSlip && (
            <Link href={`/borrowing/${state.heldBy.id}`} className="font-medium underline">
              {t("heldByLink")}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
