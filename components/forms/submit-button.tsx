"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useHydrated } from "./use-hydrated";

/**
 * Disabled until the form is interactive and while it is submitting: a click before hydration
 * would submit natively and lose what was typed; a second click while saving would send twice.
 */
export function SubmitButton({ pending, children, variant, className }: { pending: boolean; children: ReactNode; variant?: "primary" | "secondary"; className?: string }) {
  const hydrated = useHydrated();
  const tc = useTranslations("common");
  return (
    <Button type="submit" variant={variant} className={className} disabled={!hydrated || pending} aria-busy={pending}>
      {pending ? tc("saving") : children}
    </Button>
  );
}
