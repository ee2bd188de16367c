"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { useZodForm, showServerError } from "@/components/forms/use-zod-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, Input } from "@/components/ui/field";
import { ZStartStockTake } from "@/server/domain/labels/labels.schema";

/** 开始盘点 of a box (all three parts) or a shelf (box left empty); opens the scanning page. */
export function StockTakeStartForm({ initial }: { initial?: { cabinet: string; shelf: string; box: string } }) {
  const t = useTranslations("stockTakes");
  const tl = useTranslations("labels");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(ZStartStockTake, initial ?? { cabinet: "", shelf: "", box: "" });
  const start = useMutation(
    trpc.labels.stockTakes.start.mutationOptions({
      onSuccess: (s) => {
        toast.success(t("started", { takeNo: s.takeNo }));
        router.push(`/archive/stock-takes/${s.id}`);
      },
      onError: (e) => showServerError(form, e),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((v) => start.mutate(v))} className="space-y-2" noValidate>
      <div className="flex flex-wrap items-start gap-3">
        {(["cabinet", "shelf", "box"] as const).map((k) => (
          <Field key={k} label={tl(k)} htmlFor={`take-${k}`} error={form.errorOf(k)} required={k !== "box"} className="w-32">
            <Input id={`take-${k}`} {...form.register(k)} aria-invalid={!!form.errorOf(k)} />
          </Field>
        ))}
        <SubmitButton pending={start.isPending} className="mt-6">
          {t("start")}
        </SubmitButton>
      </div>
      <p className="text-xs text-slate-500">{t("startHint")}</p>
    </form>
  );
}

/** The box page's one-click 盘点本盒. */
export function StartBoxStockTake({ loc }: { loc: { cabinet: string; shelf: string; box: string } }) {
  const t = useTranslations("labels");
  const ts = useTranslations("stockTakes");
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(
    trpc.labels.stockTakes.start.mutationOptions({
      onSuccess: (s) => {
        toast.success(ts("started", { takeNo: s.takeNo }));
        router.push(`/archive/stock-takes/${s.id}`);
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <form onSubmit={(e) => (e.preventDefault(), start.mutate(loc))}>
      <SubmitButton pending={start.isPending} variant="secondary">
        {t("startStockTake")}
      </SubmitButton>
    </form>
  );
}
