import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { formatShanghai } from "@/server/domain/time";
import { ARCHIVE_KEEPERS, WEEDING_APPROVERS } from "@/server/domain/archive/archive.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { WeedingKindTag, WeedingStatusTag } from "@/components/archive/weeding-tags";
import { WeedingProposalsForm } from "@/components/archive/weeding-proposals-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("weeding", "title");

type Search = { page?: string; status?: string };

async function WeedingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRoles([...ARCHIVE_KEEPERS, ...WEEDING_APPROVERS]);
  const sp = await searchParams;
  const t = await getTranslations("weeding");
  const caller = await api();
  const isKeeper = hasAnyRole(user.roles, ARCHIVE_KEEPERS);
  const isApprover = hasAnyRole(user.roles, WEEDING_APPROVERS);
  const page = Math.max(1, Number(sp.page) || 1);
  const [lists, proposals] = await Promise.all([
    caller.archive.weeding.lists({ page }),
    isKeeper ? caller.archive.weeding.proposals({ pageSize: 200 }) : null,
  ]);
  const waiting = isApprover ? (await caller.archive.weeding.lists({ status: "submitted", pageSize: 100 })).rows : [];

  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      {isApprover && lists.awaitingApproval > 0 && (
        <Card title={t("awaitingApproval", { count: lists.awaitingApproval })} className="mb-4 ring-amber-300">
          <p className="mb-2 text-sm text-slate-600">{t("awaitingApprovalHint")}</p>
          <ul className="space-y-1 text-sm">
            {waiting.map((l) => (
              <li key={l.id}>
                <Link href={`/archive/weeding/${l.id}`} className="font-mono text-brand-600 hover:underline">
                  {l.listNo}
                </Link>{" "}
                · {l.reason} · {t("colCount")} {l.itemCount} · {l.createdBy}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("lists")}</h2>
      {lists.rows.length === 0 ? (
        <EmptyState>{isKeeper ? t("noLists") : t("noListsManager")}</EmptyState>
      ) : (
        <>
          <Table caption={t("lists")}>
            <thead>
              <tr>
                <Th>{t("colListNo")}</Th>
                <Th>{t("colKind")}</Th>
                <Th>{t("colReason")}</Th>
                <Th className="text-right">{t("colCount")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th>{t("colCreatedBy")}</Th>
                <Th>{t("colCreatedAt")}</Th>
                <Th>{t("colDecidedBy")}</Th>
                <Th>{t("colDecidedAt")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lists.rows.map((l) => (
                <tr key={l.id} className="hover:bg-slate-50">
                  <Td className="font-mono text-xs">
                    <Link href={`/archive/weeding/${l.id}`} className="text-brand-600 hover:underline">
                      {l.listNo}
                    </Link>
                  </Td>
                  <Td>
                    <WeedingKindTag kind={l.kind} />
                  </Td>
                  <Td className="max-w-72 truncate" title={l.reason}>
                    {l.reason}
                  </Td>
                  <Td className="text-right tabular-nums">{l.itemCount}</Td>
                  <Td>
                    <WeedingStatusTag status={l.status} />
                  </Td>
                  <Td>{l.createdBy ?? "—"}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatShanghai(l.createdAt)}</Td>
                  <Td>{l.decidedBy ?? "—"}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatShanghai(l.decidedAt) || "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={lists.page} pageSize={lists.pageSize} total={lists.total} params={{}} />
        </>
      )}

      {proposals && (
        <section className="mt-6">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">
            {t("proposals")} · {proposals.total}
            {proposals.totalCapped ? "+" : ""}
          </h2>
          {proposals.rows.length === 0 ? <EmptyState>{t("noProposals")}</EmptyState> : <WeedingProposalsForm rows={proposals.rows} />}
        </section>
      )}
    </>
  );
}

export default withClientMessages(["weeding"], WeedingPage);
