import { getTranslations } from "next-intl/server";
import { formatShanghai } from "@/server/domain/time";
import { Table, Td, Th } from "@/components/ui/table";

type Step = { level: number; at: Date; anchorAt: Date; to: string[] };

/** The escalation steps taken for a loan or a complaint (EscalationStep rows); nothing when none. */
export async function EscalationHistory({ steps }: { steps: Step[] }) {
  if (steps.length === 0) return null;
  const t = await getTranslations("escalationHistory");
  return (
    <section className="mt-6" data-testid="escalation-history">
      <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("title")}</h2>
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th>{t("level", { level: "" }).trim()}</Th>
            <Th>{t("at")}</Th>
            <Th>{t("to")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {steps.map((s) => (
            <tr key={`${s.anchorAt.toISOString()}:${s.level}`}>
              <Td className="whitespace-nowrap">
                {t("level", { level: s.level })}
                <span className="block text-xs text-slate-500">{t("anchor", { at: formatShanghai(s.anchorAt) })}</span>
              </Td>
              <Td className="whitespace-nowrap tabular-nums">{formatShanghai(s.at)}</Td>
              <Td>{s.to.length ? s.to.join("、") : "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
