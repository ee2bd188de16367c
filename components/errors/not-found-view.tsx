import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { BackButton } from "./back-button";

/** The 404 page's body, in the user's language, with the ways back (issue 17 §5). */
export async function NotFoundView() {
  const t = await getTranslations("common.errorPage");
  return (
    <section aria-labelledby="not-found-title" className="mx-auto flex max-w-xl flex-col items-center gap-3 py-16 text-center">
      <p className="text-5xl font-bold text-slate-400" aria-hidden>
        404
      </p>
      <h1 id="not-found-title" className="text-xl font-semibold text-slate-900">
        {t("notFoundTitle")}
      </h1>
      <p className="text-sm text-slate-600">{t("notFoundBody")}</p>
      <div className="mt-2 flex gap-2">
        <LinkButton href="/">{t("backHome")}</LinkButton>
        <BackButton />
      </div>
    </section>
  );
}
