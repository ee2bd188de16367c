"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { cn } from "@/components/ui/cn";

const DEBOUNCE_MS = 200;

function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/**
 * 全局搜索 in the header: `/` focuses it, typing asks the server (debounced), ↑/↓ move through
 * the grouped hits, Enter opens the selected one (or the full results page), Esc closes.
 */
export function GlobalSearch() {
  const t = useTranslations("globalSearch");
  const trpc = useTRPC();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [text, setText] = useState("");
  const [term, setTerm] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    setHydrated(true);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const id = setTimeout(() => setTerm(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [text]);

  const found = useQuery(trpc.search.query.queryOptions({ q: term, limit: 5 }, { enabled: term.length > 0, staleTime: 10_000 }));
  const groups = useMemo(() => (found.data && found.data.q === term ? found.data.groups.filter((g) => g.hits.some((h) => h.href)) : []), [found.data, term]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits.filter((h) => h.href).map((h) => ({ ...h, kind: g.kind }))), [groups]);

  useEffect(() => setActive(-1), [term]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const go = (href: string) => {
    close();
    input.current?.blur();
    router.push(href);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close();
      input.current?.blur();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (flat.length === 0 ? -1 : (i + 1) % flat.length));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (flat.length === 0 ? -1 : i <= 0 ? flat.length - 1 : i - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const q = text.trim();
      if (!q) return;
      // Enter with nothing selected: the one obvious hit if the search is done, else all results.
      const chosen = active >= 0 ? flat[active] : term === q && flat.length === 1 ? flat[0] : undefined;
      go(chosen?.href ?? `/search?q=${encodeURIComponent(q)}`);
    }
  };

  const activeId = active >= 0 ? `gs-${flat[active]?.kind}-${flat[active]?.id}` : undefined;
  const showPanel = open && text.trim().length > 0;
  let index = -1;
  return (
    <div className="relative mr-auto w-full max-w-md" data-testid="global-search" data-hydrated={hydrated ? "true" : undefined}>
      <Search className="pointer-events-none absolute left-2.5 top-2 h-4 w-4 text-slate-400" aria-hidden />
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={showPanel}
        aria-controls="global-search-results"
        aria-activedescendant={activeId}
        aria-label={t("label")}
        placeholder={t("placeholder")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(close, 150)}
        onKeyDown={onKeyDown}
        className="h-8 w-full rounded-md border border-slate-200 bg-slate-50 pl-8 pr-8 text-sm outline-none focus:border-brand-400 focus:bg-white focus:ring-2 focus:ring-brand-100"
      />
      {!text && <kbd className="pointer-events-none absolute right-2 top-1.5 rounded border border-slate-200 px-1 text-xs text-slate-400" aria-hidden>/</kbd>}
      {showPanel && (
        <div id="global-search-results" role="listbox" aria-label={t("label")} className="absolute left-0 right-0 top-9 z-30 max-h-[70vh] overflow-y-auto rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
          {term !== text.trim() || found.isFetching ? (
            <p className="px-3 py-2 text-sm text-slate-500">{t("searching")}</p>
          ) : found.isError ? (
            <p className="px-3 py-2 text-sm text-red-700">{found.error.message}</p>
          ) : groups.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">{t("empty")}</p>
          ) : (
            groups.map((g) => (
              <div key={g.kind} role="group" aria-label={t(`groups.${g.kind}`)} data-testid={`search-group-${g.kind}`}>
                <div className="px-3 pb-0.5 pt-2 text-xs font-semibold text-slate-500">{t(`groups.${g.kind}`)}</div>
                {g.hits.map((h) => {
                  if (!h.href) return null;
                  index++;
                  const mine = index;
                  return (
                    <div
                      key={h.id}
                      id={`gs-${g.kind}-${h.id}`}
                      role="option"
                      aria-selected={mine === active}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        go(h.href!);
                      }}
                      onMouseEnter={() => setActive(mine)}
                      className={cn("cursor-pointer px-3 py-1.5 text-sm", mine === active ? "bg-brand-50" : "hover:bg-slate-50")}
                    >
                      <div className="truncate text-slate-900">{h.title}</div>
                      {h.subtitle && <div className="truncate text-xs text-slate-500">{h.subtitle}</div>}
                    </div>
                  );
                })}
              </div>
            ))
          )}
          <button
            type="button"
            onMouseDown={(e) => {
              e.preventDefault();
              go(`/search?q=${encodeURIComponent(text.trim())}`);
            }}
            className="mt-1 block w-full border-t border-slate-100 px-3 py-1.5 text-left text-xs text-brand-700 hover:bg-slate-50"
          >
            {t("seeAll", { q: text.trim() })}
          </button>
        </div>
      )}
    </div>
  );
}
