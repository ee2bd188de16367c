import { getTranslations } from "next-intl/server";
import { MODULES, modulesFor, type ModuleKey } from "@/server/auth/access";
import type { Role } from "@/server/auth/roles";
import { ARCHIVE_KEEPERS, ARCHIVE_REGISTRARS, WEEDING_APPROVERS } from "@/server/domain/archive/archive.policy";
import { BORROWERS, CERTIFICATE_READERS, LENDERS, REGISTER_READERS, SECOND_APPROVER_ROLES } from "@/server/domain/borrowing/borrow.policy";
import { COMPLAINT_RECEIVERS, COMPLAINT_SETTINGS_ADMINS, COMPLAINT_STATS_READERS } from "@/server/domain/complaints/complaints.policy";
import { APPRAISAL_READERS, APPRAISAL_SCORERS, FINE_RECORDERS, TEMPLATE_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { BOX_READERS, STOCKTAKE_READERS } from "@/server/domain/labels/labels.policy";
import { ARCHIVE_STATS_READERS, LOAN_STATS_READERS } from "@/server/domain/statistics/statistics.policy";
import { CONTACT_RECORDERS } from "@/server/domain/contacts/contacts.policy";
import { SidebarNav, type NavSection } from "./nav-link";

// Sub-pages listed under each module; `roles` narrows an entry to those who can use it (the page
// checks again). Labels are keys of the catalogue's "nav" namespace.
type Child = { href: string; label: string; roles?: readonly Role[] };
const CHILDREN: Partial<Record<ModuleKey, Child[]>> = {
  archive: [
    { href: "/archive", label: "archiveSearch" },
    { href: "/archive/client-files", label: "archiveClientFiles" },
    { href: "/archive/new", label: "archiveNew", roles: ARCHIVE_REGISTRARS },
    { href: "/archive/handover", label: "archiveHandover" },
    { href: "/archive/weeding", label: "archiveWeeding", roles: [...ARCHIVE_KEEPERS, ...WEEDING_APPROVERS] },
    { href: "/archive/boxes", label: "archiveBoxes", roles: BOX_READERS },
    { href: "/archive/stock-takes", label: "archiveStockTakes", roles: STOCKTAKE_READERS },
    { href: "/archive/statistics", label: "archiveStatistics", roles: ARCHIVE_STATS_READERS },
  ],
  borrowing: [
    { href: "/borrowing", label: "borrowMine", roles: BORROWERS },
    { href: "/borrowing/new", label: "borrowNew", roles: BORROWERS },
    { href: "/borrowing/approvals", label: "borrowApprovals", roles: SECOND_APPROVER_ROLES },
    { href: "/borrowing/desk", label: "borrowDesk", roles: LENDERS },
    { href: "/borrowing/register", label: "borrowRegister", roles: REGISTER_READERS },
    { href: "/borrowing/certificates", label: "certificates", roles: CERTIFICATE_READERS },
    { href: "/borrowing/statistics", label: "borrowStatistics", roles: LOAN_STATS_READERS },
  ],
  complaints: [
    { href: "/complaints", label: "complaintsList" },
    { href: "/complaints/new", label: "complaintsNew", roles: COMPLAINT_RECEIVERS },
    { href: "/complaints/repairs", label: "complaintsRepairs" },
    { href: "/complaints/stats", label: "complaintsStats", roles: COMPLAINT_STATS_READERS },
  ],
  appraisal: [
    { href: "/appraisal", label: "appraisalList", roles: APPRAISAL_READERS },
    { href: "/appraisal/new", label: "appraisalNew", roles: APPRAISAL_SCORERS },
    { href: "/appraisal/year-end", label: "appraisalYearEnd", roles: APPRAISAL_READERS },
    { href: "/appraisal/statistics", label: "appraisalStatistics", roles: APPRAISAL_READERS },
    { href: "/appraisal/fines", label: "appraisalFines", roles: [...APPRAISAL_READERS, ...FINE_RECORDERS] },
    { href: "/appraisal/templates", label: "appraisalTemplates", roles: TEMPLATE_READERS },
  ],
  contacts: [
    { href: "/contacts", label: "contactsList" },
    { href: "/contacts/new", label: "contactsNew", roles: CONTACT_RECORDERS },
    { href: "/contacts/reports", label: "contactsReports" },
  ],
  admin: [
    { href: "/admin/users", label: "users" },
    { href: "/admin/projects", label: "projects" },
    { href: "/admin/archive-classes", label: "archiveClasses" },
    { href: "/admin/borrow-settings", label: "borrowSettings" },
    { href: "/admin/complaint-settings", label: "complaintSettings", roles: COMPLAINT_SETTINGS_ADMINS },
    { href: "/admin/calendar", label: "calendar" },
    { href: "/admin/escalation", label: "escalation" },
  ],
};

/** badges: a count shown beside a sub-page (by href), e.g. approvals waiting; see sidebar-badges.ts. */
export async function Sidebar({ roles, badges = {} }: { roles: Role[]; badges?: Readonly<Record<string, number>> }) {
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  const sections: NavSection[] = modulesFor(roles).map((key) => {
    const mod = MODULES[key];
    const children = CHILDREN[key]
      ?.filter((c) => !c.roles || c.roles.some((r) => roles.includes(r)))
      .map((c) => ({ href: c.href, label: t(c.label as never), ...(badges[c.href] ? { badge: badges[c.href] } : {}) }));
    // A heading leads to the first sub-page this person may open (the auditor's 借阅 is the register).
    return { key, label: t(key), path: mod.path, href: mod.available ? (children?.[0]?.href ?? mod.path) : null, ...(children && { children }) };
  });
  return (
    <aside className="fixed inset-y-0 left-0 z-20 flex w-56 flex-col bg-slate-900">
      <div className="flex h-14 items-center gap-2 border-b border-white/10 px-4">
        <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">客</span>
        <span className="text-sm font-semibold text-white">{tApp("name")}</span>
      </div>
      <nav aria-label={t("home")} className="flex-1 space-y-0.5 overflow-y-auto px-2 py-3" data-testid="sidebar">
        <SidebarNav homeLabel={t("home")} comingSoon={t("comingSoon")} sections={sections} />
      </nav>
      <div className="border-t border-white/10 px-4 py-3 text-[11px] leading-relaxed text-slate-500">{tApp("company")}</div>
    </aside>
  );
}

