import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { REPAIR_CLERKS } from "@/server/domain/complaints/complaints.policy";
import { PageHeader } from "@/components/ui/card";
import { RepairForm } from "@/components/complaints/repair-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("repairs", "newTitle");

async function NewRepairPage({ searchParams }: { searchParams: Promise<{ complaintId?: string; fromContact?: string }> }) {
  await requireRoles(REPAIR_CLERKS);
  const t = await getTranslations("repairs");
  const { complaintId, fromContact } = await searchParams;
  const c = complaintId && /^[0-9a-f-]{36}$/.test(complaintId) ? await (await api()).complaints.get({ complaintId }).catch(() => null) : null;
  // 转报修 from a 来电来访登记 entry (issue 9 §0).
  const contact = fromContact && /^[0-9a-f-]{36}$/.test(fromContact) ? await (await api()).contacts.get({ contactId: fromContact }).catch(() => null) : null;
  return (
    <>
      <PageHeader crumbs={`${t("title")} / ${t("newTitle")}`} title={t("newTitle")} subtitle={t("subtitle")} />
      <RepairForm complaint={c ? { id: c.id, complaintNo: c.complaintNo, unitId: c.unitId, unit: c.unit, content: c.content } : null} contact={contact && !contact.voidedAt && !contact.repairId ? { id: contact.id, contactNo: contact.contactNo, unitId: contact.unitId, unit: contact.unit, content: contact.content } : null} />
    </>
  );
}

export default withClientMessages(["complaints", "contacts", "repairs"], NewRepairPage);
