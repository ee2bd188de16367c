"use client";

import { useTranslations } from "next-intl";
import { Button, LinkButton } from "@/components/ui/button";
import { BackButton } from "./back-button";

/**
 * The 500 page's body inside the portal (issue 17 §5). Never the error's message or stack: in
 * production Next.js hands a server error to the client as a generic message and a digest, the
 * same digest its server log carries; the user gives IT that reference.
 */
export function ErrorView({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations("common.errorPage");
  return (
    <section role="alert" className="mx-auto flex max-w-xl flex-col items-center gap-3 py-16 text-center">
      <p className="text-5xl font-bold text-slate-400" aria-hidden>
        500
      </p>
      <h1 className="text-xl font-semibold text-slate-900">{t("errorTitle")}</h1>
      <p className="text-sm text-slate-600">{t("errorBody")}</p>
      {digest && <p className="font-mono text-sm text-slate-700" data-testid="error-reference">{t("reference", { digest })}</p>}
      <div className="mt-2 flex gap-2">
        <Button onClick={reset}>{t("retry")}</Button>
        <LinkButton href="/" variant="secondary">
          {t("backHome")}
        </LinkButton>
        <BackButton />
      </div>
    </section>
  );
}
