import type { JsonValue } from "@/server/db/generated/internal/prismaNamespace";

type Obj = Record<string, JsonValue>;
/** One changed field as shown: `before` is absent for a field the entry created. */
export type Change = { key: string; before?: string; after: string };
const SHOWN = 8;

function isObj(v: JsonValue | null | undefined): v is Obj {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function show(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * Only the fields that changed, as before → after (a creation: its fields), at most eight.
 * Computed on the server, so a list sends these few strings instead of both whole snapshots.
 */
export function changesOf(before: JsonValue | null, after: JsonValue | null): Change[] {
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys.slice(0, SHOWN).map((key) => ({ key, ...(key in b ? { before: show(b[key]) } : {}), after: show(a[key]) }));
}

export function ChangeList({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {changes.map((c) => (
        <div key={c.key} className="contents">
          <dt className="font-mono text-slate-500">{c.key}</dt>
          <dd className="break-all">
            {c.before !== undefined && <span className="text-red-700 line-through decoration-red-300">{c.before}</span>}
            {c.before !== undefined && " → "}
            <span className="text-emerald-700">{c.after}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ChangeView({ before, after }: { before: JsonValue | null; after: JsonValue | null }) {
  return <ChangeList changes={changesOf(before, after)} />;
}
