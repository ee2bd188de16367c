import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { ZListAudit } from "@/server/domain/audit/audit.schema";
import { formatShanghai } from "@/server/domain/time";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button, buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Table, Th } from "@/components/ui/table";
import { changesOf } from "@/components/audit/change-view";
import { AuditRows } from "@/components/audit/audit-rows";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { getActionLabel } from "@/components/audit/action-label";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("audit", "title");

type Search = { actor?: string; action?: string; entity?: string; from?: string; to?: string; cursor?: string };

async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireModule("audit");
  const sp = await searchParams;
  const [t, tc] = await Promise.all([getTranslations("audit"), getTranslations("common")]);
  // Bad filter values (a mistyped date) are dropped rather than failing the page.
  const parsed = ZListAudit.safeParse({ ...Object.fromEntries(Object.entries(sp).filter(([, v]) => v)), pageSize: 50 });
  const input = parsed.success ? parsed.data : { pageSize: 50 };
  const caller = await api();
  const [data, facets, label] = await Promise.all([caller.audit.list(input), caller.audit.facets(), getActionLabel()]);
  const filters = { actor: sp.actor, action: sp.action, entity: sp.entity, from: sp.from, to: sp.to };
  const nextHref = data.nextCursor
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v) as [string, string][]), cursor: data.nextCursor })}`
    : null;
  return (
    <>
      <PageHeader title={t("title")} actions={<VerifyChainButton />} />
      <form className="mb-3 flex flex-wrap items-center gap-2" role="search">
        <Input name="actor" defaultValue={sp.actor} placeholder={t("actor")} aria-label={t("actor")} className="w-36" />
        <Select name="action" defaultValue={sp.action ?? ""} aria-label={t("action")} className="w-48">
          <option value="">{t("action")}：{tc("all")}</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {label(a)}
            </option>
          ))}
        </Select>
        <Select name="entity" defaultValue={sp.entity ?? ""} aria-label={t("entity")} className="w-40">
          <option value="">{t("entity")}：{tc("all")}</option>
          {facets.entities.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-1 text-sm text-slate-600">
          {t("from")}
          <Input type="date" name="from" defaultValue={sp.from} className="w-40" />
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-600">
          {t("to")}
          <Input type="date" name="to" defaultValue={sp.to} className="w-40" />
        </label>
        <Button type="submit" variant="secondary">
          {tc("filter")}
        </Button>
        <Link href="/audit" className="text-sm text-slate-500 hover:text-slate-800">
          {tc("reset")}
        </Link>
      </form>
      {data.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>#</Th>
              <Th>{t("at")}</Th>
              <Th>{t("actor")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("entity")}</Th>
              <Th>{t("change")}</Th>
              <Th>{t("ip")}</Th>
              <Th>{t("hash")}</Th>
            </tr>
          </thead>
          <AuditRows
            rows={data.rows.map((r) => ({
              id: String(r.id),
              at: formatShanghai(r.at, "yyyy-MM-dd HH:mm:ss"),
              actorName: r.actorName,
              action: r.action,
              actionLabel: label(r.action),
              entity: r.entity,
              entityId: r.entityId,
              changes: changesOf(r.before, r.after),
              ip: r.ip,
              hash: r.hash,
            }))}
          />
        </Table>
      )}
      <div className="mt-3 flex justify-end gap-2">
        {sp.cursor && (
          <Link className={buttonClass("secondary", "sm")} href={`?${new URLSearchParams(Object.fromEntries(Object.entries(filters).filter(([, v]) => v) as [string, string][]))}`}>
            {tc("back")}
          </Link>
        )}
        {nextHref && (
          <Link className={buttonClass("secondary", "sm")} href={nextHref}>
            {tc("next")}
          </Link>
        )}
      </div>
    </>
  );
}

export default withClientMessages(["audit"], AuditPage);
