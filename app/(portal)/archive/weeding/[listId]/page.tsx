import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { ARCHIVE_KEEPERS, WEEDING_APPROVERS } from "@/server/domain/archive/archive.policy";
import type { WeedingAction } from "@/server/domain/archive/weeding.machine";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { WeedingKindTag, WeedingStatusTag } from "@/components/archive/weeding-tags";
import { RecordStatusTag } from "@/components/archive/search-tags";
import { WeedingActions } from "@/components/archive/weeding-actions";
import { PrintButton } from "@/components/print/print-button";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).archive.weeding.get({ listId: id }));

export async function generateMetadata({ params }: { params: Promise<{ listId: string }> }) {
  const { listId } = await params;
  return recordTitle("weeding", async () => { const x = await load(listId); return x.listNo; });
}

// Who may press which button of the machine's offer (the procedures check the same lists).
const KEEPER_ACTIONS: WeedingAction[] = ["submit", "void", "execute"];
const APPROVER_ACTIONS: WeedingAction[] = ["approve", "reject"];

async function WeedingListPage({ params }: { params: Promise<{ listId: string }> }) {
  const user = await requireRoles([...ARCHIVE_KEEPERS, ...WEEDING_APPROVERS]);
  const { listId } = await params;
  const t = await getTranslations("weeding");
  const list = await orNotFound(load(listId));
  const mine = [...(hasAnyRole(user.roles, ARCHIVE_KEEPERS) ? KEEPER_ACTIONS : []), ...(hasAnyRole(user.roles, WEEDING_APPROVERS) ? APPROVER_ACTIONS : [])];
  const actions = list.actions.filter((a) => mine.includes(a));
  const hint = list.status === "submitted" ? t("decisionHint") : list.kind === "transfer" && list.status === "draft" ? t("executeHint") : list.status === "draft" ? t("draftHint") : null;

  return (
    <>
      <PageHeader
        crumbs={`${t("crumbs")} / ${list.listNo}`}
        title={
          <span className="flex items-center gap-2">
            <span className="font-mono">{list.listNo}</span>
            <WeedingKindTag kind={list.kind} />
            <WeedingStatusTag status={list.status} />
          </span>
        }
        actions={
          <div className="flex items-center gap-2">
            <PrintButton form="weeding" id={list.id} />
            <LinkButton href="/archive/weeding" variant="secondary">
              {t("back")}
            </LinkButton>
          </div>
        }
      />
      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <Card title={t("listInfo")}>
          <dl className="grid grid-cols-[7rem_1fr] gap-y-1.5 text-sm">
            <dt className="text-slate-500">{t("colReason")}</dt>
            <dd>{list.reason}</dd>
            <dt className="text-slate-500">{t("colCount")}</dt>
            <dd className="tabular-nums">{list.itemCount}</dd>
            <dt className="text-slate-500">{t("colCreatedBy")}</dt>
            <dd>
              {list.createdBy ?? "—"} · {formatShanghai(list.createdAt)}
            </dd>
            <dt className="text-slate-500">{t("colDecidedBy")}</dt>
            <dd>{list.decidedBy ? `${list.decidedBy} · ${formatShanghai(list.decidedAt)}` : "—"}</dd>
            <dt className="text-slate-500">{t("colComment")}</dt>
            <dd>{list.decisionComment ?? "—"}</dd>
          </dl>
        </Card>
        {(actions.length > 0 || hint) && (
          <Card title={t("decision")}>
            {hint && <p className="mb-3 text-sm text-slate-600">{hint}</p>}
            {actions.length > 0 && <WeedingActions listId={list.id} actions={actions} />}
          </Card>
        )}
      </div>
      <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("items")}</h2>
      <Table caption={t("items")}>
        <thead>
          <tr>
            <Th>{t("colArchiveNo")}</Th>
            <Th>{t("colTitle")}</Th>
            <Th>{t("colClass")}</Th>
            <Th>{t("colFormedOn")}</Th>
            <Th>{t("colRetention")}</Th>
            <Th>{t("colExpiresOn")}</Th>
            <Th>{t("colRecordStatus")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.items.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <Td className="font-mono text-xs">
                <Link href={`/archive/${r.id}`} className="text-brand-600 hover:underline">
                  {r.archiveNo}
                </Link>
              </Td>
              <Td className="max-w-80 truncate" title={r.title}>
                {r.title}
              </Td>
              <Td>{r.archiveClass.name}</Td>
              <Td className="tabular-nums">{r.formedOn}</Td>
              <Td>{r.retentionYears === null ? t("permanent") : t("years", { years: r.retentionYears })}</Td>
              <Td className="tabular-nums">{r.expiresOn ?? "—"}</Td>
              <Td>
                <RecordStatusTag status={r.status} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

export default withClientMessages(["weeding"], WeedingListPage);
