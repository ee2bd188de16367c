"use client";

import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

// How long 打印所选 stays 正在生成 PDF… at most: the PDF opens in another tab, which this page
// cannot watch; coming back to this tab ends it sooner.
const PENDING_MS = 8_000;

/**
 * 表单打印's batch form (issue 17 §6): a plain GET form to /api/print/<form>/batch opening the PDF
 * in a new tab, so it works before hydration and without JS (the route then answers a Chinese
 * page when nothing is ticked). With JS: nothing ticked → no tab, a message beside the button;
 * otherwise the button reads 正在生成 PDF… and takes no second click for a few seconds.
 */
export type PrintBatchLabels = { printSelected: string; generating: string; noneSelected: string };

// The labels come from the server page (three strings instead of the print namespace's ~10 KB).
export function PrintBatchForm({ formKey, labels, children }: { formKey: string; labels: PrintBatchLabels; children: ReactNode }) {
  const [error, setError] = useState(false);
  const [pending, setPending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!pending) return;
    const back = () => {
      if (document.visibilityState === "visible") setPending(false);
    };
    document.addEventListener("visibilitychange", back);
    timer.current = setTimeout(() => setPending(false), PENDING_MS);
    return () => {
      document.removeEventListener("visibilitychange", back);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [pending]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (pending) {
      e.preventDefault();
      return;
    }
    const ticked = e.currentTarget.querySelectorAll<HTMLInputElement>('input[name="ids"]:checked').length;
    if (ticked === 0) {
      e.preventDefault();
      setError(true);
      return;
    }
    setError(false);
    setPending(true);
  };

  const messageId = `print-batch-${formKey}-message`;
  return (
    <form action={`/api/print/${formKey}/batch`} method="get" target="_blank" data-testid={`print-batch-${formKey}`} onSubmit={onSubmit} onChange={() => setError(false)}>
      {children}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary", "md")} aria-disabled={pending} aria-describedby={error ? messageId : undefined}>
          {pending ? labels.generating : labels.printSelected}
        </button>
        <span id={messageId} role="alert" className="text-sm text-red-700">
          {error ? labels.noneSelected : ""}
        </span>
      </div>
    </form>
  );
}
