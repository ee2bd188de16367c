"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export type Pick = { clientId: string | null; unitId: string | null; name: string; unit: string | null; phone: string };

/**
 * Search-as-you-type over clients and units (a combobox): ↑/↓ move, Enter picks, Esc closes.
 * What is typed stays the complainant's name when nothing fits (a caller who is not a client).
 */
export function ComplainantPicker({
  value,
  onChange,
  picked,
  onPick,
  invalid,
  autoFocus,
  id,
}: {
  value: string;
  onChange: (v: string) => void;
  picked: Pick | null;
  onPick: (p: Pick | null) => void;
  invalid?: boolean;
  autoFocus?: boolean;
  id: string;
}) {
  const t = useTranslations("complaints");
  const trpc = useTRPC();
  const listId = useId();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const h = setTimeout(() => setQ(value.trim()), 200);
    return () => clearTimeout(h);
  }, [value]);
  const hits = useQuery(trpc.complaints.searchComplainants.queryOptions({ q }, { enabled: q.length >= 1 && !picked }));
  const rows = hits.data ?? [];
  const show = open && !picked && q.length >= 1 && (rows.length > 0 || hits.isSuccess);

  const choose = (p: Pick) => {
    onPick(p);
    onChange(p.name);
    setOpen(false);
  };

  return (
    <div className="relative">
      <Input
        id={id}
        role="combobox"
        aria-expanded={show}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid}
        autoComplete="off"
        autoFocus={autoFocus}
        value={value}
        placeholder={t("complainantSearch")}
        onChange={(e) => {
          onChange(e.target.value);
          if (picked) onPick(null);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!show || rows.length === 0) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, rows.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(rows[active]!);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {show && (
        <ul id={listId} role="listbox" className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {rows.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{t("noMatch")}</li>
          ) : (
            rows.map((r, i) => (
              <li
                key={r.key}
                role="option"
                aria-selected={i === active}
                className={cn("flex cursor-pointer justify-between gap-3 px-3 py-1.5", i === active ? "bg-brand-50 text-brand-700" : "hover:bg-slate-50")}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(r);
                }}
              >
                <span>
                  {r.name || "—"} <span className="text-slate-500">{r.unit ?? ""}</span>
                </span>
                <span className="tabular-nums text-slate-400">{r.phone}</span>
              </li>
            ))
          )}
        </ul>
      )}
      {picked && (
        <p className="mt-1 flex items-center gap-2 text-xs text-emerald-700">
          {t("complainantPicked", { label: [picked.name, picked.unit].filter(Boolean).join(" · ") })}
          <button type="button" className="text-slate-500 underline" onClick={() => onPick(null)}>
            {t("clearPick")}
          </button>
        </p>
      )}
    </div>
  );
}
