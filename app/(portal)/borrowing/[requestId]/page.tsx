import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { requireModule } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { MODULES } from "@/server/auth/access";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";
import { LENDERS } from "@/server/domain/borrowing/borrow.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { HistoryTable } from "@/components/audit/history-table";
import { PrintButton } from "@/components/print/print-button";
import { StatusTag } from "@/components/archive/record-tags";
import { BorrowStatusTag, BorrowTypeTag, OverdueTag, SecretTag } from "@/components/borrowing/status-tag";
import { DecisionButtons, RenewalDecisionButtons, WithdrawButton, type DecisionAction } from "@/components/borrowing/decision-buttons";
import { LendButton } from "@/components/borrowing/lend-button";
import { ReceiptButton } from "@/components/borrowing/receipt-button";
import { ReturnForm } from "@/components/borrowing/return-form";
import { RenewalRequestForm } from "@/components/borrowing/renewal-request-form";
import { LoanReturnCheckTag } from "@/components/borrowing/loan-tags";
import { EscalationHistory } from "@/components/calendar/escalation-history";
import { UnitLink } from "@/components/units/unit-link";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).borrowing.loans.get({ requestId: id }));

export async function generateMetadata({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  return recordTitle("loan", async () => { const x = await load(requestId); return x.requestNo; });
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

const who = (name: string | null, at: Date | null, comment?: string | null) => (name || at ? `${name ?? "—"} · ${formatShanghai(at)}${comment ? ` · ${comment}` : ""}` : "—");

// 借出单 page: the slip with its files (where they sit, their state and return check), the
// renewals and the history from the audit log, and every button this viewer may press now. The
// procedure behind it lets the borrower and the roles that handle or oversee loans read it.
async function LoanSlipPage({ params }: { params: Promise<{ requestId: string }> }) {
  const user = await requireModule("borrowing");
  const { requestId } = await params;
  const caller = await api();
  const [t, tn, tw, tu] = await Promise.all([getTranslations("loans"), getTranslations("nav"), getTranslations("clockWarnings"), getTranslations("units")]);
  let loan;
  try {
    loan = await load(requestId);
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    if (e instanceof TRPCError && e.code === "FORBIDDEN") {
      const te = await getTranslations("errors");
      return <EmptyState>{te("FORBIDDEN")}</EmptyState>;
    }
    throw e;
  }
  const can = new Set(loan.viewerActions);
  const decisions = (["approve", "secondApprove", "reject"] as const).filter((a) => can.has(a)) as DecisionAction[];
  const pending = loan.renewals.find((r) => r.status === "pending");
  const isLender = hasAnyRole(user.roles, LENDERS);
  const mayOpenRecords = hasAnyRole(user.roles, MODULES.archive.roles);
  const hasActions = decisions.length > 0 || ["withdraw", "lend", "confirmReceipt", "return", "requestRenewal", "decideRenewal"].some((a) => can.has(a as never));
  const back = isLender ? { href: "/borrowing/desk", label: t("backToDesk") } : loan.requesterId === user.id ? { href: "/borrowing", label: t("backToMine") } : null;

  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/borrowing" className="hover:underline">{tn("borrowing")}</Link>
            {isLender && (
              <>
                {" / "}
                <Link href="/borrowing/desk" className="hover:underline">{tn("borrowDesk")}</Link>
              </>
            )}
          </>
        }
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-base font-normal text-slate-500">{t("slipTitle")}</span>
            <span className="font-mono" data-testid="request-no">{loan.requestNo}</span>
            <BorrowStatusTag status={loan.status} />
            {loan.voidedAt && <Tag tone="grey">{t("voided")}</Tag>}
            {loan.needsSecondApproval && <SecretTag />}
            <OverdueTag days={loan.daysOverdue} />
            {loan.pendingRenewal && <Tag tone="amber">{t("renewalPending")}</Tag>}
          </span>
        }
        subtitle={loan.voidedAt ? t("voidedAt", { at: formatShanghai(loan.voidedAt) }) : undefined}
        actions={
          <div className="flex gap-2">
            <PrintButton form="borrow-slip" id={loan.id} />
            {back && <LinkButton href={back.href} variant="secondary">{back.label}</LinkButton>}
          </div>
        }
      />

      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card title={t("slipInfo")}>
          <dl className="divide-y divide-slate-100 text-sm">
            <Row label={t("borrower")}>{loan.requester ?? "—"}</Row>
            <Row label={t("borrowType")}><BorrowTypeTag type={loan.borrowType} /></Row>
            <Row label={t("purpose")}>{loan.purpose}</Row>
            <Row label={t("dueOn")}>
              <span className="tabular-nums" data-testid="due-on">{loan.dueOn}</span>
              {loan.renewalCount > 0 && <span className="ml-2 text-xs text-slate-500">{t("renewalCount")} {loan.renewalCount}</span>}
              {loan.dueMovedFrom && <span className="block text-xs text-amber-700" data-testid="due-moved">{tw("dueMoved", { from: loan.dueMovedFrom, to: loan.dueOn })}</span>}
            </Row>
            <Row label={t("createdAt")}>{formatShanghai(loan.createdAt)}</Row>
            <Row label={t("approval")}>{who(loan.approvedBy, loan.approvedAt, loan.approvalComment)}</Row>
            {loan.needsSecondApproval && <Row label={t("secondApproval")}>{who(loan.secondApprovedBy, loan.secondApprovedAt, loan.secondComment)}</Row>}
            {loan.rejectedAt && <Row label={t("rejection")}>{who(loan.rejectedBy, loan.rejectedAt, loan.rejectComment)}</Row>}
            {loan.withdrawnAt && <Row label={t("withdrawnAt")}>{formatShanghai(loan.withdrawnAt)}</Row>}
            <Row label={t("lentBy")}>{who(loan.lentBy, loan.lentAt)}</Row>
            <Row label={t("receivedAt")}>
              <span data-testid="received-at">{loan.receivedAt ? formatShanghai(loan.receivedAt) : loan.lentAt ? t("waitingReceipt") : "—"}</span>
            </Row>
            <Row label={t("returnedTo")}>{who(loan.returnedTo, loan.returnedAt)}</Row>
          </dl>
        </Card>

        <Card title={t("actions")}>
          {!hasActions ? (
            <p className="text-sm text-slate-500">{pending ? t("renewalWaiting", { newDueOn: pending.newDueOn }) : t("noActions")}</p>
          ) : (
            <div className="space-y-4 [&>*+*]:border-t [&>*+*]:border-slate-100 [&>*+*]:pt-4">
              {decisions.length > 0 && <DecisionButtons requestId={loan.id} requestNo={loan.requestNo} actions={decisions} withComment />}
              {can.has("lend") && <LendButton requestId={loan.id} requestNo={loan.requestNo} borrower={loan.requester ?? ""} count={loan.items.length} size="md" />}
              {can.has("confirmReceipt") && <ReceiptButton requestId={loan.id} />}
              {can.has("return") && (
                <div>
                  <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("returnTitle")}</h3>
                  <ReturnForm requestId={loan.id} items={loan.items.map((i) => ({ itemId: i.id, archiveNo: i.record.archiveNo, title: i.record.title }))} />
                </div>
              )}
              {can.has("decideRenewal") && pending && (
                <div className="space-y-2">
                  <p className="text-sm text-slate-700">
                    {t("renewalWaiting", { newDueOn: pending.newDueOn })} · {pending.reason}
                  </p>
                  <RenewalDecisionButtons renewalId={pending.id} requestNo={loan.requestNo} />
                </div>
              )}
              {!can.has("decideRenewal") && pending && <p className="text-sm text-slate-600">{t("renewalWaiting", { newDueOn: pending.newDueOn })}</p>}
              {can.has("requestRenewal") && (
                <div>
                  <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("renewalTitle")}</h3>
                  <RenewalRequestForm requestId={loan.id} dueOn={loan.dueOn} latest={loan.latestDueOn} />
                </div>
              )}
              {can.has("withdraw") && <WithdrawButton requestId={loan.id} requestNo={loan.requestNo} />}
            </div>
          )}
        </Card>
      </div>

      <h2 className="mb-2 text-sm font-semibold text-slate-800">
        {t("items")} · {loan.items.length}
      </h2>
      <Table caption={t("items")}>
        <thead>
          <tr>
            <Th>{t("colArchiveNo")}</Th>
            <Th>{t("colTitle")}</Th>
            <Th>{t("colLocation")}</Th>
            <Th>{t("colRecordStatus")}</Th>
            <Th>{t("colCheck")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loan.items.map((i) => (
            <tr key={i.id} className="align-top hover:bg-slate-50">
              <Td className="whitespace-nowrap font-mono text-xs">
                {mayOpenRecords ? (
                  <Link href={`/archive/${i.record.id}`} className="text-brand-600 hover:underline">
                    {i.record.archiveNo}
                  </Link>
                ) : (
                  i.record.archiveNo
                )}
              </Td>
              <Td className="max-w-96">
                <span className="flex flex-wrap items-center gap-1.5">
                  <span className="truncate" title={i.record.title}>{i.record.title}</span>
                  {i.record.confidentiality === "secret" && <SecretTag />}
                  {i.record.unitId && <UnitLink unitId={i.record.unitId}>{tu("openUnit")}</UnitLink>}
                </span>
                {i.record.flagNote && <p className="mt-0.5 text-xs text-red-700">{t("flagged", { note: i.record.flagNote })}</p>}
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs">{i.record.location ?? "—"}</Td>
              <Td><StatusTag status={i.record.status} /></Td>
              <Td>
                <LoanReturnCheckTag check={i.returnCheck} note={i.returnNote} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      {loan.renewals.length > 0 && (
        <>
          <h2 className="mb-2 mt-6 text-sm font-semibold text-slate-800">{t("renewals")}</h2>
          <Table caption={t("renewals")}>
            <thead>
              <tr>
                <Th>{t("colRequestedAt")}</Th>
                <Th>{t("colPrevDue")}</Th>
                <Th>{t("colNewDue")}</Th>
                <Th>{t("colReason")}</Th>
                <Th>{t("colStatus")}</Th>
                <Th>{t("colDecision")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {loan.renewals.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap tabular-nums">{formatShanghai(r.requestedAt)}</Td>
                  <Td className="tabular-nums">{r.previousDueOn}</Td>
                  <Td className="tabular-nums">{r.newDueOn}</Td>
                  <Td>{r.reason}</Td>
                  <Td>
                    <Tag tone={r.status === "approved" ? "green" : r.status === "rejected" ? "red" : "amber"}>{t(`renewalStatus.${r.status}`)}</Tag>
                  </Td>
                  <Td>{r.decidedAt ? who(r.decidedBy, r.decidedAt, r.comment) : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}

      <EscalationHistory steps={loan.escalation} />

      <HistoryTable
        entries={loan.history}
        labels={{ title: t("history"), empty: t("noHistory"), at: t("historyAt"), actor: t("historyActor"), action: t("historyAction"), change: t("historyChange") }}
      />
    </>
  );
}

export default withClientMessages(["borrowDecision", "loans"], LoanSlipPage);
