"use client";

import { useTranslations } from "next-intl";
import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { RECORD_STATUS_TONE, SECRECY_TONE } from "./record-tones";
import type { searchRecords } from "@/server/domain/archive/search.service";
import { RevealClient } from "./reveal-client";

type Row = Awaited<ReturnType<typeof searchRecords>>["rows"][number];

/**
 * The result rows, rendered from the rows' data: a server-rendered row is sent twice (as HTML and
 * again as its element tree in the page data), a client row's page data is just its fields.
 */
export function SearchRows({ rows, mayReveal }: { rows: Row[]; mayReveal: boolean }) {
  const t = useTranslations("archiveSearch");
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id}>
          <Td className="whitespace-nowrap">
            <Link href={`/archive/${r.id}`} className="cell-link">
              {r.archiveNo}
            </Link>
          </Td>
          <Td className="max-w-52 truncate font-medium text-slate-900" title={r.title}>
            {r.title}
          </Td>
          <Td className="max-w-24 truncate whitespace-nowrap" title={r.className}>
            {r.className}
          </Td>
          <Td className="max-w-40">{[r.project, r.building, r.unit].filter(Boolean).join(" / ") || "—"}</Td>
          <Td className="whitespace-nowrap">
            {r.client ? (
              <>
                <span data-testid="client-name">{r.client.name}</span>
                {mayReveal ? (
                  <span className="block text-xs text-slate-500">
                    <RevealClient clientId={r.client.id} masked={r.client.masked} />
                  </span>
                ) : (
                  r.client.masked && <span className="block font-mono text-xs text-slate-500">{r.client.masked}</span>
                )}
              </>
            ) : (
              "—"
            )}
          </Td>
          <Td className="cell-day">{r.formedOn}</Td>
          <Td className="whitespace-nowrap">
            {r.retentionYears === null ? t("permanent") : t("years", { years: r.retentionYears })}
            {r.expiresOn && <span className="block text-xs text-slate-500">{t("expiresOn", { day: r.expiresOn })}</span>}
          </Td>
          <Td>
            <Tag tone={SECRECY_TONE[r.confidentiality]}>{t(`confidentialities.${r.confidentiality}`)}</Tag>
          </Td>
          <Td className="cell-recno whitespace-nowrap">{r.location ?? "—"}</Td>
          <Td>
            <Tag tone={RECORD_STATUS_TONE[r.status]}>{t(`statuses.${r.status}`)}</Tag>
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
