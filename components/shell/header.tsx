import { getTranslations } from "next-intl/server";
import { KeyRound, LogOut, UserRound } from "lucide-react";
import Link from "@/components/ui/link";
import type { SessionUser } from "@/server/domain/accounts/session";
import { Tag } from "@/components/ui/tag";
import { LanguageSwitch } from "./language-switch";
import { signOutAction } from "./actions";
import { NotificationBell } from "./notification-bell";
import { GlobalSearch } from "./global-search";
import { hasAnyRole } from "@/server/auth/roles";
import { GLOBAL_SEARCHERS } from "@/server/domain/search/search.policy";

export async function Header({ user }: { user: SessionUser }) {
  const t = await getTranslations("nav");
  const tr = await getTranslations("roles");
  return (
    <header className="sticky top-0 z-10 flex h-14 items-center justify-end gap-4 border-b border-slate-200 bg-white/95 px-6 backdrop-blur">
      {hasAnyRole(user.roles, GLOBAL_SEARCHERS) && <GlobalSearch />}
      <LanguageSwitch />
      <NotificationBell userId={user.id} />
      <div className="flex items-center gap-2" data-testid="current-user">
        <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-brand-700">
          <UserRound className="h-4 w-4" aria-hidden />
        </span>
        <div className="leading-tight">
          <div className="text-sm font-medium text-slate-800">{user.name}</div>
          <div className="flex flex-wrap gap-1" data-testid="current-roles">
            {user.roles.map((r) => (
              <Tag key={r} tone="blue">
                {tr(r)}
              </Tag>
            ))}
          </div>
        </div>
      </div>
      <Link href="/change-password" className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100">
        <KeyRound className="h-3.5 w-3.5" aria-hidden />
        {t("changePassword")}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs text-slate-600 hover:bg-red-50 hover:text-red-700">
          <LogOut className="h-3.5 w-3.5" aria-hidden />
          {t("signOut")}
        </button>
      </form>
    </header>
  );
}
