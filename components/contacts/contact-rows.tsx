"use client";

import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { cn } from "@/components/ui/cn";

export type ContactRow = {
  id: string;
  contactNo: string;
  occurredAt: string;
  channel: string;
  purpose: string;
  callerName: string;
  /** 单元 · masked phone, as the server masked it */
  callerLine: string;
  content: string;
  answer: string | null;
  followUp: { label: string; tone: "amber" | "green" } | null;
  /** set when voided: the 已作废 tag and the reason line, translated */
  voided: { label: string; reason: string | null; reasonText: string } | null;
  complaint: { id: string; no: string } | null;
  repair: { id: string; no: string } | null;
  recordedBy: string;
};

/**
 * The contact log's rows, rendered from their fields (labels translated on the server): a
 * server-rendered row went out twice (HTML and its element tree in the page data).
 */
export function ContactRows({ rows, created }: { rows: ContactRow[]; created?: string }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className={cn("hover:bg-slate-50", r.voided && "text-slate-400 line-through decoration-slate-300", created === r.contactNo && "bg-emerald-50")} data-contact={r.contactNo}>
          <Td className="whitespace-nowrap font-mono text-xs">
            <Link href={`/contacts/${r.id}`} className="text-brand-600 hover:underline">
              {r.contactNo}
            </Link>
          </Td>
          <Td className="whitespace-nowrap tabular-nums">{r.occurredAt}</Td>
          <Td className="whitespace-nowrap">{r.channel}</Td>
          <Td className="whitespace-nowrap">{r.purpose}</Td>
          <Td className="max-w-48">
            <div className="truncate">{r.callerName}</div>
            {r.callerLine && <div className="truncate text-xs text-slate-500">{r.callerLine}</div>}
          </Td>
          <Td className="max-w-80">
            <div className="truncate" title={r.content}>
              {r.content}
            </div>
            {r.answer && (
              <div className="truncate text-xs text-slate-500" title={r.answer}>
                {r.answer}
              </div>
            )}
          </Td>
          <Td className="max-w-56">
            {r.voided ? (
              <>
                <Tag tone="grey">{r.voided.label}</Tag>
                {/* inline-block: the row's strike-through does not run through the reason */}
                {r.voided.reason && (
                  <div className="mt-0.5 text-xs text-slate-500" data-void-reason>
                    <span className="inline-block max-w-full truncate align-top" title={r.voided.reason}>
                      {r.voided.reasonText}
                    </span>
                  </div>
                )}
              </>
            ) : r.followUp ? (
              <Tag tone={r.followUp.tone}>{r.followUp.label}</Tag>
            ) : (
              <span className="text-slate-400">—</span>
            )}
          </Td>
          <Td className="whitespace-nowrap font-mono text-xs">
            {r.complaint && (
              <Link href={`/complaints/${r.complaint.id}`} className="text-brand-600 hover:underline">
                {r.complaint.no}
              </Link>
            )}
            {r.repair && (
              <Link href={`/complaints/repairs/${r.repair.id}`} className="ml-1 text-brand-600 hover:underline">
                {r.repair.no}
              </Link>
            )}
          </Td>
          <Td className="whitespace-nowrap">{r.recordedBy}</Td>
        </tr>
      ))}
    </tbody>
  );
}
