"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useTRPC } from "@/components/trpc";
import { Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { BUILDING_PICK_LIMIT } from "@/server/domain/archive/search.schema";

type Building = { id: string; label: string };

/**
 * The 楼栋 filter of the (GET) search form: type part of a project or building name, ↑/↓ move,
 * Enter picks, Esc closes. The pick goes into the form as `buildingId`, so it stays in the URL;
 * the server names the building in the URL back (`initial`). Narrowed to the project chosen in
 * the form's projectId select, if any.
 */
export function BuildingPicker({ initial, className }: { initial: Building | null; className?: string }) {
  const t = useTranslations("buildingPicker");
  const trpc = useTRPC();
  const listId = useId();
  const box = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Building | null>(initial);
  const [text, setText] = useState(initial?.label ?? "");
  const [q, setQ] = useState("");
  const [projectId, setProjectId] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(h);
  }, [text]);

  const projectOf = () => {
    const v = (box.current?.form?.elements.namedItem("projectId") as HTMLSelectElement | null)?.value;
    return v || undefined;
  };
  const hits = useQuery(trpc.archive.search.buildings.queryOptions({ q, projectId }, { enabled: open && !picked, staleTime: 30_000 }));
  const rows = hits.data?.items ?? [];
  const show = open && !picked && hits.isSuccess;

  const choose = (b: Building) => {
    setPicked(b);
    setText(b.label);
    setOpen(false);
  };
  const clear = () => {
    setPicked(null);
    setText("");
    box.current?.focus();
  };

  return (
    <div className={cn("relative", className)}>
      <input type="hidden" name="buildingId" value={picked?.id ?? ""} />
      <Input
        ref={box}
        role="combobox"
        aria-label={t("placeholder")}
        aria-expanded={show}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={show && rows[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={text}
        placeholder={t("placeholder")}
        className="pr-7"
        data-testid="building-picker"
        onChange={(e) => {
          setText(e.target.value);
          if (picked) setPicked(null);
          setProjectId(projectOf());
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => {
          setProjectId(projectOf());
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && show) {
            e.preventDefault();
            setOpen(false);
          } else if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(rows.length - 1, 0)));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && show && rows[active]) {
            // Picks the building; Enter with the list closed submits the search as usual.
            e.preventDefault();
            choose(rows[active]);
          }
        }}
      />
      {(picked || text) && (
        <button type="button" onClick={clear} aria-label={t("clear")} className="absolute right-1.5 top-2 rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700">
          <X className="h-3.5 w-3.5" aria-hidden />
        </button>
      )}
      {show && (
        <ul id={listId} role="listbox" aria-label={t("placeholder")} className="absolute left-0 z-30 mt-1 max-h-72 w-72 overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {rows.length === 0 ? (
            <li className="px-3 py-1.5 text-slate-500">{t("noMatch")}</li>
          ) : (
            rows.map((b, i) => (
              <li
                key={b.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(b);
                }}
                onMouseEnter={() => setActive(i)}
                className={cn("cursor-pointer px-3 py-1.5", i === active ? "bg-brand-50" : "hover:bg-slate-50")}
              >
                {b.label}
              </li>
            ))
          )}
          {hits.data?.more && <li className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500">{t("more", { limit: BUILDING_PICK_LIMIT })}</li>}
        </ul>
      )}
    </div>
  );
}
