import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";

export default async function NotFound() {
  const [te, tn] = await Promise.all([getTranslations("errors"), getTranslations("nav")]);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 text-center">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <p className="text-slate-600">{te("NOT_FOUND")}</p>
      <LinkButton href="/" variant="secondary">
        {tn("home")}
      </LinkButton>
    </main>
  );
}
