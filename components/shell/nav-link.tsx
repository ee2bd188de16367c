"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { isNavActive, isUnder, type NavMatch } from "./nav-match";

export function NavLink({ href, children, match = { kind: "prefix" }, nested, badge }: { href: string; children: ReactNode; match?: NavMatch; nested?: boolean; badge?: ReactNode }) {
  const pathname = usePathname();
  const active = isNavActive(pathname, href, match);
  const open = match.kind === "section" && isUnder(pathname, match.path);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-md px-3 text-sm transition-colors",
        nested ? "h-8 pl-10 text-[13px]" : "h-9",
        active ? "bg-white/15 font-medium text-white" : open ? "font-medium text-white hover:bg-white/5" : "text-slate-300 hover:bg-white/5 hover:text-white",
      )}
    >
      {children}
      {badge}
    </Link>
  );
}
