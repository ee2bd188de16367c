import Link from "@/components/ui/link";
import { RECORDS_LIMIT, SECTION_LIMIT } from "@/server/domain/units/unit-page.service";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { formatShanghai } from "@/server/domain/time";
import type { getUnitPage } from "@/server/domain/units/unit-page.service";
import { CompletenessBar, ConfidentialityTag, StatusTag } from "@/components/archive/record-tags";
import { RevealClient, RevealClientScope } from "@/components/archive/reveal-client";
import { BorrowStatusTag } from "@/components/borrowing/status-tag";
import { ClockTags, ComplaintStatusTag, RepairStatusTag, SeverityTag } from "@/components/complaints/tags";

// The sections of 一户一档. Each receives only what the service read for this viewer; a section
// the viewer's role may not see is never rendered (the page passes null and skips it).
type Page = Awaited<ReturnType<typeof getUnitPage>>;
const link = "font-mono text-brand-700 hover:underline";

function RevealScopeIf({ on, children }: { on: boolean; children: React.ReactNode }) {
  return on ? <RevealClientScope>{children}</RevealClientScope> : children;
}

export async function OwnersCard({ owners, canReveal }: { owners: NonNullable<Page["owners"]>; canReveal: boolean }) {
  const t = await getTranslations("units");
  return (
    <Card title={t("owners")}>
      {owners.length === 0 ? (
        <EmptyState>{t("ownersEmpty")}</EmptyState>
      ) : (
        <RevealScopeIf on={canReveal}>
          <Table caption={t("owners")}>
            <thead>
              <tr><Th>{t("ownerName")}</Th><Th>{t("ownerKind")}</Th><Th>{t("idNumber")}</Th><Th>{t("phone")}</Th><Th>{t("since")}</Th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="unit-owners">
              {owners.map((o) => (
                <tr key={o.clientId}>
                  <Td className="font-medium">{o.name}{o.relation !== "buyer" && <span className="ml-1 text-xs text-slate-500">({o.relation})</span>}</Td>
                  <Td>{t(`clientKind.${o.kind}`)}</Td>
                  <Td className="font-mono">
                    {canReveal && (o.idMasked || o.phoneMasked) ? <RevealClient clientId={o.clientId} masked={o.idMasked || o.phoneMasked} /> : o.idMasked || "—"}
                  </Td>
                  <Td className="font-mono">{o.phoneMasked || "—"}</Td>
                  <Td>{formatShanghai(o.since, "yyyy-MM-dd")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </RevealScopeIf>
      )}
    </Card>
  );
}

export async function RecordsCard({ records, more = false }: { records: NonNullable<Page["records"]>; more?: boolean }) {
  const t = await getTranslations("units");
  return (
    <Card title={t("records")}>
      {records.length === 0 ? (
        <EmptyState>{t("recordsEmpty")}</EmptyState>
      ) : (
        <Table caption={t("records")}>
          <thead>
            <tr><Th>{t("archiveNo")}</Th><Th>{t("recordTitle")}</Th><Th>{t("status")}</Th><Th>{t("location")}</Th><Th>{t("completeness")}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="unit-records">
            {records.map((r) => (
              <tr key={r.id}>
                <Td><Link href={`/archive/${r.id}`} className={link}>{r.archiveNo}</Link></Td>
                <Td>
                  <div>{r.title}</div>
                  <div className="text-xs text-slate-500">{r.className} · {r.formedOn}</div>
                </Td>
                <Td><span className="flex gap-1"><StatusTag status={r.status} />{r.confidentiality !== "internal" && <ConfidentialityTag value={r.confidentiality} />}</span></Td>
                <Td className="font-mono">{r.location ?? "—"}</Td>
                <Td>
                  {r.completeness ? (
                    <div title={r.completeness.missing.join("、")}>
                      <CompletenessBar percent={r.completeness.percent} />
                      {r.completeness.missing.length > 0 && <div className="mt-0.5 max-w-[14rem] truncate text-xs text-red-700">{t("missing", { items: r.completeness.missing.join("、") })}</div>}
                    </div>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more && <MoreNote limit={RECORDS_LIMIT} />}
    </Card>
  );
}

export async function LoansCard({ loans, own, more = false }: { loans: NonNullable<Page["loans"]>; own: boolean; more?: boolean }) {
  const t = await getTranslations("units");
  return (
    <Card title={own ? t("loansOwn") : t("loans")}>
      {loans.length === 0 ? (
        <EmptyState>{t("loansEmpty")}</EmptyState>
      ) : (
        <Table caption={t("loans")}>
          <thead>
            <tr><Th>{t("requestNo")}</Th><Th>{t("borrower")}</Th><Th>{t("status")}</Th><Th>{t("dueOn")}</Th><Th>{t("loanRecords")}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="unit-loans">
            {loans.map((l) => (
              <tr key={l.id}>
                <Td><Link href={`/borrowing/${l.id}`} className={link}>{l.requestNo}</Link></Td>
                <Td>{l.borrower}<div className="text-xs text-slate-500">{l.purpose}</div></Td>
                <Td><span className="flex gap-1"><BorrowStatusTag status={l.status} />{l.overdue && <Tag tone="red">{t("overdue")}</Tag>}</span></Td>
                <Td className="tabular-nums">{l.dueOn}</Td>
                <Td className="font-mono text-xs">{l.records.map((r) => r.archiveNo).join("、") || "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more && <MoreNote limit={SECTION_LIMIT} />}
    </Card>
  );
}

export async function ComplaintsCard({ complaints, now, more = false }: { complaints: NonNullable<Page["complaints"]>; now: Date; more?: boolean }) {
  const t = await getTranslations("units");
  return (
    <Card title={t("complaints")}>
      {complaints.length === 0 ? (
        <EmptyState>{t("complaintsEmpty")}</EmptyState>
      ) : (
        <Table caption={t("complaints")}>
          <thead>
            <tr><Th>{t("complaintNo")}</Th><Th>{t("complaintMatter")}</Th><Th>{t("status")}</Th><Th>{t("clocks")}</Th><Th>{t("callbacks")}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="unit-complaints">
            {complaints.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link href={`/complaints/${c.id}`} className={link}>{c.complaintNo}</Link>
                  <div className="text-xs text-slate-500">{formatShanghai(c.receivedAt)}</div>
                </Td>
                <Td>
                  <div>{c.category} · {c.complainantName}</div>
                  <div className="max-w-[18rem] truncate text-xs text-slate-500">{c.content}</div>
                </Td>
                <Td><span className="flex gap-1"><ComplaintStatusTag status={c.status} />{c.severity === "major" && <SeverityTag severity={c.severity} />}</span></Td>
                <Td><ClockTags clocks={c.clocks} now={now} /></Td>
                <Td className="text-xs">
                  {c.callbacks.length === 0 ? "—" : c.callbacks.map((cb) => <div key={cb.id}>{formatShanghai(cb.calledAt)} {cb.calledByName} · {t(`satisfaction.${cb.satisfaction}`)}</div>)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more && <MoreNote limit={SECTION_LIMIT} />}
    </Card>
  );
}

export async function RepairsCard({ repairs, more = false }: { repairs: NonNullable<Page["repairs"]>; more?: boolean }) {
  const t = await getTranslations("units");
  return (
    <Card title={t("repairs")}>
      {repairs.length === 0 ? (
        <EmptyState>{t("repairsEmpty")}</EmptyState>
      ) : (
        <Table caption={t("repairs")}>
          <thead>
            <tr><Th>{t("orderNo")}</Th><Th>{t("repairLocation")}</Th><Th>{t("status")}</Th><Th>{t("registeredAt")}</Th><Th>{t("callbacks")}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="unit-repairs">
            {repairs.map((r) => (
              <tr key={r.id}>
                <Td><Link href={`/complaints/repairs/${r.id}`} className={link}>{r.orderNo}</Link></Td>
                <Td>{r.location}<div className="max-w-[18rem] truncate text-xs text-slate-500">{r.description}</div></Td>
                <Td><RepairStatusTag status={r.status} /></Td>
                <Td className="tabular-nums">{formatShanghai(r.createdAt)}</Td>
                <Td className="text-xs">{r.callbacks.length === 0 ? "—" : r.callbacks.map((cb) => <div key={cb.id}>{formatShanghai(cb.calledAt)} · {t(`satisfaction.${cb.satisfaction}`)}</div>)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more && <MoreNote limit={SECTION_LIMIT} />}
    </Card>
  );
}

export async function CertificatesCard({ certificates, more = false }: { certificates: NonNullable<Page["certificates"]>; more?: boolean }) {
  const t = await getTranslations("units");
  return (
    <Card title={t("certificates")}>
      {certificates.length === 0 ? (
        <EmptyState>{t("certificatesEmpty")}</EmptyState>
      ) : (
        <Table caption={t("certificates")}>
          <thead>
            <tr><Th>{t("handoutNo")}</Th><Th>{t("certificateNo")}</Th><Th>{t("recipient")}</Th><Th>{t("handedAt")}</Th><Th>{t("status")}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="unit-certificates">
            {certificates.map((h) => (
              <tr key={h.id}>
                <Td><Link href={`/borrowing/certificates/${h.id}`} className={link}>{h.handoutNo}</Link></Td>
                <Td className="font-mono">{h.certificateNo}</Td>
                <Td>
                  {h.recipientName} <span className="text-xs text-slate-500">({t(`recipientKind.${h.recipientKind}`)})</span>
                  <div className="font-mono text-xs text-slate-500">{h.recipientIdMasked}</div>
                </Td>
                <Td className="tabular-nums">{formatShanghai(h.handedAt)}<div className="text-xs text-slate-500">{h.handedBy}</div></Td>
                <Td>
                  {h.voidedAt ? <Tag tone="grey">{t("voided")}</Tag> : h.confirmedAt ? <Tag tone="green">{t("confirmed")}</Tag> : <Tag tone="amber">{t("unconfirmed")}</Tag>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more && <MoreNote limit={SECTION_LIMIT} />}
    </Card>
  );
}

/** Under a section cut to its newest entries: where the rest is. */
async function MoreNote({ limit }: { limit: number }) {
  const t = await getTranslations("units");
  return <p className="mt-2 text-xs text-slate-500" data-testid="section-more">{t("sectionMore", { limit })}</p>;
}
