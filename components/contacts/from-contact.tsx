import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PhoneCall } from "lucide-react";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";

/** "来自来电来访登记 LD-…" on a complaint or work order started from a contact (issue 9 §0). */
export async function FromContact({ complaintId, repairId }: { complaintId?: string; repairId?: string }) {
  const caller = await api();
  const c = complaintId ? await caller.contacts.ofComplaint({ complaintId }) : repairId ? await caller.contacts.ofRepair({ repairId }) : null;
  if (!c) return null;
  const t = await getTranslations("contacts");
  return (
    <p className="mt-3 flex items-center gap-1.5 text-sm text-slate-600" data-testid="from-contact">
      <PhoneCall className="h-4 w-4 text-slate-400" aria-hidden />
      <Link href={`/contacts/${c.id}`} className="text-brand-600 hover:underline">
        {t("fromContact", { contactNo: c.contactNo, at: formatShanghai(c.occurredAt) })}
      </Link>
    </p>
  );
}
