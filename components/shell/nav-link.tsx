"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function NavLink({ href, children, exact, nested }: { href: string; children: ReactNode; exact?: boolean; nested?: boolean }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(href + "/");
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-md px-3 text-sm transition-colors",
        nested ? "h-8 pl-10 text-[13px]" : "h-9",
        active ? "bg-white/15 font-medium text-white" : "text-slate-300 hover:bg-white/5 hover:text-white",
      )}
    >
      {children}
    </Link>
  );
}
