/**
 * exact: only its own path. prefix: its path and everything under it, unless a sibling with a
 * longer path claims the page (so "/archive" and "/archive/handover" never light up together).
 * section: a module heading whose sub-pages are listed beneath it; it shows the module is open
 * but never claims the page itself.
 */
export type NavMatch = { kind: "exact" } | { kind: "prefix"; siblings?: readonly string[] } | { kind: "section"; path: string };

export function isUnder(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(href + "/");
}

export function isNavActive(pathname: string, href: string, match: NavMatch): boolean {
  if (match.kind === "exact") return pathname === href;
  if (match.kind === "section") return false;
  if (!isUnder(pathname, href)) return false;
  return !(match.siblings ?? []).some((s) => s.length > href.length && isUnder(pathname, s));
}

