import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { orNotFound } from "@/server/api/not-found";
import { Card, PageHeader } from "@/components/ui/card";
import { UnitQr } from "@/components/units/unit-qr";
import { TimelineCard } from "@/components/units/timeline-card";
import { CertificatesCard, ComplaintsCard, LoansCard, OwnersCard, RecordsCard, RepairsCard } from "@/components/units/unit-sections";
import { withClientMessages } from "@/components/i18n/client-messages";
import { cache } from "react";
import { recordTitle } from "@/components/page-title";

// The page and its title read the record once, through the caller (its role checks).
const load = cache(async (id: string) => (await api()).units.get({ unitId: id }));

export async function generateMetadata({ params }: { params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  return recordTitle("unit", async () => { const x = await load(unitId); return x.unit.label; });
}

async function UnitPage({ params }: { params: Promise<{ unitId: string }> }) {
  await requireModule("units");
  const { unitId } = await params;
  const caller = await api();
  const now = new Date();
  const [p, t, tn] = await Promise.all([orNotFound(load(unitId)), getTranslations("units"), getTranslations("nav")]);
  const u = p.unit;
  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/units" className="hover:underline">{tn("units")}</Link>
            {" / "}
            <Link href={`/units?projectId=${u.project.id}`} className="hover:underline">{u.project.name}</Link>
            {" / "}
            <Link href={`/units?projectId=${u.project.id}&buildingId=${u.building.id}`} className="hover:underline">{u.building.name}</Link>
          </>
        }
        title={<span data-testid="unit-label">{u.label}</span>}
        subtitle={[u.floor !== null ? t("floor", { floor: u.floor }) : null, u.areaSqm ? t("area", { area: u.areaSqm }) : null].filter(Boolean).join(" · ")}
        actions={<UnitQr unitId={u.id} />}
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-4">
          {p.owners && <OwnersCard owners={p.owners} canReveal={p.access.reveal} />}
          {p.records && <RecordsCard records={p.records} more={p.more.records} />}
          {p.loans && <LoansCard loans={p.loans} own={p.access.loans === "own"} more={p.more.loans} />}
          {p.complaints && <ComplaintsCard complaints={p.complaints} now={now} more={p.more.complaints} />}
          {p.repairs && <RepairsCard repairs={p.repairs} more={p.more.repairs} />}
          {p.certificates && <CertificatesCard certificates={p.certificates} more={p.more.certificates} />}
          {!p.owners && !p.records && !p.loans && !p.complaints && !p.certificates && (
            <Card><p className="text-sm text-slate-500">{t("noSections")}</p></Card>
          )}
        </div>
        <div className="min-w-0">
          <TimelineCard days={p.timeline} more={p.more.timeline} />
        </div>
      </div>
    </>
  );
}

export default withClientMessages(["reveal"], UnitPage);
