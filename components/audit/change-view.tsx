import type { JsonValue } from "@/server/db/generated/internal/prismaNamespace";

type Obj = Record<string, JsonValue>;

function isObj(v: JsonValue | null | undefined): v is Obj {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function show(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Only the fields that changed, as before → after; a creation shows its fields. */
export function ChangeView({ before, after }: { before: JsonValue | null; after: JsonValue | null }) {
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {keys.slice(0, 8).map((k) => (
        <div key={k} className="contents">
          <dt className="font-mono text-slate-500">{k}</dt>
          <dd className="break-all">
            {k in b && <span className="text-red-700 line-through decoration-red-300">{show(b[k])}</span>}
            {k in b && " → "}
            <span className="text-emerald-700">{show(a[k])}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
