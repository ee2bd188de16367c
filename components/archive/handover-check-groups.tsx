"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag, type Tone } from "@/components/ui/tag";
import { ZCheckItem } from "@/server/domain/archive/handover.schema";

type Check = "pending" | "received" | "missing" | "wrong";
const CHECK_TONE: Record<Check, Tone> = { pending: "grey", received: "green", missing: "red", wrong: "amber" };

export type CheckLine = {
  id: string;
  lineNo: number;
  unitId: string | null;
  unitLabel: string;
  clientName: string;
  clientId: string | null;
  documentName: string;
  expectedCount: number;
  receivedCount: number | null;
  check: Check;
  remark: string | null;
  checkedBy: string;
  checkedAt: string;
};

/** The list as the archivist checks it against the paper: one block per client file (unit + client). */
export function HandoverCheckGroups({ items, canCheck }: { items: CheckLine[]; canCheck: boolean }) {
  const t = useTranslations("handover");
  const groups = new Map<string, CheckLine[]>();
  for (const i of items) {
    const key = `${i.unitId}|${i.clientName}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return (
    <div className="space-y-4">
      {[...groups.values()].map((lines) => {
        const first = lines[0]!;
        return (
          <section key={`${first.unitId}|${first.clientName}`} aria-label={`${first.unitLabel} · ${first.clientName}`}>
            <h2 className="mb-1.5 flex items-center gap-2 text-sm font-semibold text-slate-800">
              {first.unitLabel} · {first.clientName}
              {!first.clientId && <span className="text-xs font-normal text-slate-500">（{t("clientUnmatched")}）</span>}
            </h2>
            <Table caption={`${first.unitLabel} · ${first.clientName}`}>
              <thead>
                <tr>
                  <Th className="w-12">{t("lineNo")}</Th>
                  <Th>{t("documentName")}</Th>
                  <Th className="w-20 text-right">{t("expectedCount")}</Th>
                  <Th className="w-20">{t("status")}</Th>
                  <Th className="w-24">{t("receivedCount")}</Th>
                  <Th>{t("remark")}</Th>
                  <Th className="text-right">{canCheck ? "" : t("colCheckedBy")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {lines.map((l) => (canCheck ? <CheckRow key={l.id} line={l} /> : <ReadRow key={l.id} line={l} />))}
              </tbody>
            </Table>
          </section>
        );
      })}
    </div>
  );
}

function ReadRow({ line }: { line: CheckLine }) {
  const t = useTranslations("handover");
  return (
    <tr>
      <Td className="tabular-nums text-slate-500">{line.lineNo}</Td>
      <Td>{line.documentName}</Td>
      <Td className="text-right tabular-nums">{line.expectedCount}</Td>
      <Td>
        <Tag tone={CHECK_TONE[line.check]}>{t(`checks.${line.check}`)}</Tag>
      </Td>
      <Td className="tabular-nums">{line.receivedCount ?? "—"}</Td>
      <Td>{line.remark ?? ""}</Td>
      <Td className="text-right text-xs text-slate-500">{line.checkedBy ? t("checkedBy", { name: line.checkedBy, at: line.checkedAt }) : ""}</Td>
    </tr>
  );
}

/** One line with its three quick buttons; Tab moves count → remark → 已收到 → 缺失 → 有误. */
function CheckRow({ line }: { line: CheckLine }) {
  const t = useTranslations("handover");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useZodForm(ZCheckItem, { itemId: line.id, check: "received", receivedCount: line.check === "wrong" ? (line.receivedCount ?? undefined) : undefined, remark: line.remark ?? "" });
  const check = useMutation(
    trpc.archive.handover.checkItem.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("lineSaved", { lineNo: line.lineNo, check: t(`checks.${r.check}`) }));
        router.refresh();
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  const mark = (c: "received" | "missing" | "wrong") => {
    form.setValue("check", c);
    void form.handleSubmit((v) => check.mutate({ ...v, receivedCount: v.check === "wrong" ? v.receivedCount : undefined }))();
  };
  const remarkError = form.errorOf("remark");
  const countError = form.errorOf("receivedCount");
  const disabled = !hydrated || check.isPending;
  return (
    <tr className={line.check === "pending" ? "bg-amber-50/40" : undefined}>
      <Td className="tabular-nums text-slate-500">{line.lineNo}</Td>
      <Td className="font-medium text-slate-900">{line.documentName}</Td>
      <Td className="text-right tabular-nums">{line.expectedCount}</Td>
      <Td>
        <Tag tone={CHECK_TONE[line.check]}>{t(`checks.${line.check}`)}</Tag>
      </Td>
      <Td>
        <Input
          aria-label={`${t("receivedCount")}（${t("lineNo")} ${line.lineNo}）`}
          inputMode="numeric"
          placeholder={String(line.check === "pending" ? line.expectedCount : (line.receivedCount ?? ""))}
          className="h-8 w-20"
          aria-invalid={!!countError}
          title={countError}
          {...form.register("receivedCount", { setValueAs: (v: string) => (v === "" || v === undefined ? undefined : v) })}
        />
      </Td>
      <Td>
        <Input
          aria-label={`${t("remark")}（${t("lineNo")} ${line.lineNo}）`}
          placeholder={t("remarkPlaceholder")}
          className="h-8 min-w-40"
          aria-invalid={!!remarkError}
          {...form.register("remark")}
          onKeyDown={(e) => {
            // Enter in the remark files it with the line's current result (or 有误 when still pending).
            if (e.key === "Enter") {
              e.preventDefault();
              mark(line.check === "pending" ? "wrong" : line.check);
            }
          }}
        />
        {remarkError && (
          <p role="alert" className="mt-0.5 text-xs text-red-600">
            {remarkError}
          </p>
        )}
      </Td>
      <Td className="text-right">
        <div className="flex justify-end gap-1">
          <Button size="sm" variant={line.check === "received" ? "primary" : "secondary"} disabled={disabled} onClick={() => mark("received")} aria-pressed={line.check === "received"}>
            {t("checks.received")}
          </Button>
          <Button size="sm" variant={line.check === "missing" ? "danger" : "secondary"} disabled={disabled} onClick={() => mark("missing")} aria-pressed={line.check === "missing"}>
            {t("checks.missing")}
          </Button>
          <Button size="sm" variant="secondary" className={line.check === "wrong" ? "ring-amber-500 text-amber-800" : undefined} disabled={disabled} onClick={() => mark("wrong")} aria-pressed={line.check === "wrong"}>
            {t("checks.wrong")}
          </Button>
        </div>
        {line.checkedBy && <p className="mt-0.5 text-[11px] text-slate-400">{t("checkedBy", { name: line.checkedBy, at: line.checkedAt })}</p>}
      </Td>
    </tr>
  );
}
