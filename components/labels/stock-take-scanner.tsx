"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

type Verdict = { archiveNo: string; duplicate: boolean; verdict: "expected" | "elsewhere" | "unknown"; location: string | null };

/**
 * The scanning box: a barcode scanner types the 档号 and presses Enter, so the field keeps the
 * focus, clears after each number and says at once what it was (a stray file is called out).
 */
export function StockTakeScanner({ stockTakeId }: { stockTakeId: string }) {
  const t = useTranslations("stockTakes");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [feed, setFeed] = useState<{ text: string; tone: "ok" | "warn" | "bad" }[]>([]);
  const say = (v: Verdict) => {
    const text = v.duplicate
      ? t("verdictDuplicate", { archiveNo: v.archiveNo })
      : v.verdict === "expected"
        ? t("verdictExpected", { archiveNo: v.archiveNo })
        : v.verdict === "elsewhere"
          ? v.location
            ? t("verdictElsewhere", { archiveNo: v.archiveNo, location: v.location })
            : t("verdictElsewhereNoPlace", { archiveNo: v.archiveNo })
          : t("verdictUnknown", { archiveNo: v.archiveNo });
    const tone = v.verdict === "expected" ? "ok" : v.verdict === "elsewhere" ? "warn" : "bad";
    setFeed((f) => [{ text, tone } as const, ...f].slice(0, 8));
  };
  const scan = useMutation(
    trpc.labels.stockTakes.scan.mutationOptions({
      onSuccess: (v) => {
        say(v);
        router.refresh();
      },
      onError: (e) => toast.error(e.message),
      onSettled: () => input.current?.focus(),
    }),
  );
  const submit = () => {
    const archiveNo = value.trim();
    if (!archiveNo) return;
    setValue("");
    scan.mutate({ stockTakeId, archiveNo });
  };
  return (
    <div className="space-y-2">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="flex items-end gap-2"
      >
        <label className="flex-1 space-y-1">
          <span className="block text-sm font-medium text-slate-700">{t("scanLabel")}</span>
          <Input ref={input} name="archiveNo" autoFocus autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} placeholder={t("scanPlaceholder")} disabled={!hydrated} className="font-mono" />
        </label>
        <Button type="submit" disabled={!hydrated || !value.trim()}>
          {t("scanButton")}
        </Button>
      </form>
      <ul aria-live="polite" className="space-y-1 text-sm" data-testid="scan-feed">
        {feed.map((f, k) => (
          <li key={k} className={cn(f.tone === "ok" ? "text-emerald-700" : f.tone === "warn" ? "text-amber-700" : "text-red-700", k > 0 && "opacity-60")}>
            {f.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 勾选: ticking a file in the expected list is the same as scanning its number. */
export function TickButton({ stockTakeId, archiveNo }: { stockTakeId: string; archiveNo: string }) {
  const t = useTranslations("stockTakes");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const scan = useMutation(trpc.labels.stockTakes.scan.mutationOptions({ onSuccess: () => router.refresh(), onError: (e) => toast.error(e.message) }));
  return (
    <Button size="sm" variant="secondary" disabled={!hydrated || scan.isPending} onClick={() => scan.mutate({ stockTakeId, archiveNo })}>
      {t("tick")}
    </Button>
  );
}

/** 撤销 a wrong scan while open: confirmed; the scan is only marked withdrawn and can be scanned again. */
export function WithdrawScanButton({ stockTakeId, archiveNo }: { stockTakeId: string; archiveNo: string }) {
  const t = useTranslations("stockTakes");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const withdraw = useMutation(
    trpc.labels.stockTakes.withdrawScan.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("withdrawn", { archiveNo: r.archiveNo }));
        router.refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={t("withdrawLabel", { archiveNo })}
      disabled={!hydrated || withdraw.isPending}
      onClick={() => window.confirm(t("withdrawConfirm", { archiveNo })) && withdraw.mutate({ stockTakeId, archiveNo })}
    >
      {t("withdraw")}
    </Button>
  );
}

/** 完成盘点: confirmed, because a finished stock-take never changes. */
export function FinishStockTake({ stockTakeId }: { stockTakeId: string }) {
  const t = useTranslations("stockTakes");
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const finish = useMutation(
    trpc.labels.stockTakes.finish.mutationOptions({
      onSuccess: (r) => {
        toast.success(t("finished", r.counts));
        router.refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <Button disabled={!hydrated || finish.isPending} onClick={() => window.confirm(t("finishConfirm")) && finish.mutate({ stockTakeId })}>
      {t("finish")}
    </Button>
  );
}
