"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Archive, BarChart3, BookOpenCheck, Building2, ClipboardList, FileText, MessageSquareWarning, PhoneCall, Printer, Settings, ShieldCheck, type LucideIcon } from "lucide-react";
import type { ModuleKey } from "@/server/auth/access";
import { cn } from "@/components/ui/cn";
import { isNavActive, isUnder, type NavMatch } from "./nav-match";

const ICONS: Record<ModuleKey, LucideIcon> = {
  archive: Archive,
  borrowing: BookOpenCheck,
  complaints: MessageSquareWarning,
  appraisal: ClipboardList,
  print: Printer,
  contacts: PhoneCall,
  admin: Settings,
  audit: ShieldCheck,
  statistics: BarChart3,
  units: Building2,
};

/** What the server sends for the sidebar: labels already translated, nothing else. */
export type NavSection = {
  key: ModuleKey;
  label: string;
  /** the module's own path: its heading shows it open on any page below */
  path: string;
  /** null: shown greyed out as 即将上线 */
  href: string | null;
  children?: { href: string; label: string; badge?: number }[];
};

/**
 * The sidebar's links. Rendered from a compact list so the page data carries each label once,
 * not a tree of elements and class names per link. Prefetch waits for the pointer (a page
 * prefetch renders the whole portal layout on the server; 40 links in view fired 40 of them).
 */
export function SidebarNav({ homeLabel, comingSoon, sections }: { homeLabel: string; comingSoon: string; sections: NavSection[] }) {
  return (
    <>
      <NavLink href="/" match={{ kind: "exact" }}>
        <FileText className="h-4 w-4" aria-hidden />
        {homeLabel}
      </NavLink>
      {sections.map((s) => {
        const Icon = ICONS[s.key];
        if (!s.href) {
          return (
            <div key={s.key} className="flex h-9 cursor-default items-center gap-2.5 rounded-md px-3 text-sm text-slate-500" aria-disabled="true" data-module={s.key}>
              <Icon className="h-4 w-4" aria-hidden />
              <span>{s.label}</span>
              <span className="ml-auto rounded bg-white/5 px-1.5 py-0.5 text-[10px] text-slate-400">{comingSoon}</span>
            </div>
          );
        }
        const siblings = s.children?.map((c) => c.href);
        return (
          <div key={s.key} data-module={s.key}>
            <NavLink href={s.href} match={s.children ? { kind: "section", path: s.path } : { kind: "prefix" }}>
              <Icon className="h-4 w-4" aria-hidden />
              {s.label}
            </NavLink>
            {s.children?.map((c) => (
              <NavLink key={c.href} href={c.href} nested match={{ kind: "prefix", siblings }} badge={<CountBadge count={c.badge} />}>
                {c.label}
              </NavLink>
            ))}
          </div>
        );
      })}
    </>
  );
}

function CountBadge({ count }: { count: number | undefined }) {
  if (!count) return null;
  return <span className="ml-auto min-w-5 rounded-full bg-amber-500 px-1.5 text-center text-[11px] font-semibold leading-5 text-slate-900">{count > 99 ? "99+" : count}</span>;
}

export function NavLink({ href, children, match = { kind: "prefix" }, nested, badge }: { href: string; children: ReactNode; match?: NavMatch; nested?: boolean; badge?: ReactNode }) {
  const pathname = usePathname();
  const [hovered, setHovered] = useState(false);
  const active = isNavActive(pathname, href, match);
  const open = match.kind === "section" && isUnder(pathname, match.path);
  return (
    <NextLink
      href={href}
      // null is Next's default prefetch, switched on once the pointer is over the link.
      prefetch={hovered ? null : false}
      onMouseEnter={() => setHovered(true)}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-md px-3 text-sm transition-colors",
        nested ? "h-8 pl-10 text-[13px]" : "h-9",
        active ? "bg-white/15 font-medium text-white" : open ? "font-medium text-white hover:bg-white/5" : "text-slate-300 hover:bg-white/5 hover:text-white",
      )}
    >
      {children}
      {badge}
    </NextLink>
  );
}
