import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { TEMPLATE_EDITORS, TEMPLATE_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { DIMENSIONS } from "@/server/domain/appraisal/dimensions";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TemplateEditor } from "@/components/appraisal/template-editor";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("appraisalTemplates", "title");

async function TemplatesPage() {
  const user = await requireRoles(TEMPLATE_READERS);
  const t = await getTranslations("appraisalTemplates");
  const ta = await getTranslations("appraisal");
  const templates = await (await api()).appraisal.templates.list();
  const isEditor = hasAnyRole(user.roles, TEMPLATE_EDITORS);
  return (
    <>
      <PageHeader crumbs={`${ta("crumbs")} / ${t("title")}`} title={t("title")} subtitle={t("subtitle")} />
      {!isEditor && <p className="mb-3 text-sm text-slate-500">{t("readOnly")}</p>}
      <div className="space-y-6">
        {templates.map(({ audience, current, history }) => (
          <Card key={audience} title={`${ta(`audiences.${audience}`)} · ${current.version ? t("current", { version: current.version }) : t("notSaved")}`}>
            {isEditor ? (
              <TemplateEditor
                initial={{
                  audience,
                  baseVersion: current.version,
                  name: current.name,
                  maxima: current.maxima,
                  items: current.items.map((i) => ({ dimension: i.dimension, name: i.name, maxScore: i.maxScore, criteria: i.criteria ?? "" })),
                  note: "",
                }}
              />
            ) : (
              <Table caption={current.name}>
                <thead>
                  <tr>
                    <Th>{ta("item")}</Th>
                    <Th className="text-right">{ta("max")}</Th>
                    <Th>{ta("criteria")}</Th>
                  </tr>
                </thead>
                {DIMENSIONS.map((d) => (
                  <tbody key={d} className="divide-y divide-slate-100">
                    <tr className="bg-slate-50">
                      <Td className="font-semibold">{ta(`dimensionsLong.${d}`)}</Td>
                      <Td className="text-right font-semibold tabular-nums">{current.maxima[d]}</Td>
                      <Td />
                    </tr>
                    {current.items
                      .filter((i) => i.dimension === d)
                      .map((i) => (
                        <tr key={i.name}>
                          <Td className="pl-6">{i.name}</Td>
                          <Td className="text-right tabular-nums">{i.maxScore}</Td>
                          <Td className="text-xs text-slate-500">{i.criteria}</Td>
                        </tr>
                      ))}
                  </tbody>
                ))}
              </Table>
            )}
            {history.length > 0 && (
              <details className="mt-4">
                <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("history")}</summary>
                <ul className="mt-2 space-y-1 text-sm text-slate-600">
                  {history.map((h) => (
                    <li key={h.id}>
                      {t("colVersion")} {h.version} · {h.name} · {formatShanghai(h.createdAt)} · {t("colUsed")} {h.appraisalCount}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}

export default withClientMessages(["appraisal", "appraisalTemplates"], TemplatesPage);
