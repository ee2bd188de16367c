import { useTranslations } from "next-intl";
import type { Completeness } from "@/server/domain/archive/completeness";
import { Card } from "@/components/ui/card";
import { Tag } from "@/components/ui/tag";
import { CompletenessBar } from "./record-tags";

const STATE_TONE = { present: "green", short: "amber", missing: "red" } as const;

/** 完整性: the percentage, then each applicable checklist item as present / short / missing. */
export function CompletenessCard({ completeness, hasClient }: { completeness: Completeness | null; hasClient: boolean }) {
  const t = useTranslations("archive");
  if (!completeness) {
    return (
      <Card title={t("completeness")}>
        <p className="text-sm text-slate-500">{t("completenessNone")}</p>
      </Card>
    );
  }
  const c = completeness;
  return (
    <Card title={t("completeness")} actions={<CompletenessBar percent={c.percent} />}>
      {!hasClient && <p className="mb-2 text-xs text-amber-700">{t("completenessNoClient")}</p>}
      {c.missing.length > 0 && (
        <p className="mb-2 text-sm text-red-700" data-testid="missing-list">
          {t("missingList", { items: c.missing.map((m) => m.name).join("、") })}
        </p>
      )}
      <ul className="divide-y divide-slate-100 text-sm" data-testid="checklist-state">
        {c.items.map((i) => (
          <li key={i.name} className="flex items-center justify-between gap-2 py-1.5">
            <span>
              {i.name}
              {i.condition && <span className="ml-1 text-xs text-slate-400">（{t(`conditions.${i.condition}`)}）</span>}
            </span>
            <span className="flex items-center gap-2">
              <span className="text-xs tabular-nums text-slate-500">{t("countOf", { count: i.count, required: i.requiredCount })}</span>
              <Tag tone={STATE_TONE[i.state]}>{t(`itemState.${i.state}`)}</Tag>
            </span>
          </li>
        ))}
      </ul>
      {c.extra.length > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          {t("extraItems")}：{c.extra.map((e) => `${e.name} ×${e.count}`).join("、")}
        </p>
      )}
    </Card>
  );
}
