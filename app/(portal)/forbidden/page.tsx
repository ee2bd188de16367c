import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { LinkButton } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("pageTitles", "forbidden");

export default async function ForbiddenPage() {
  await requireUser();
  const [te, tn] = await Promise.all([getTranslations("errors"), getTranslations("nav")]);
  return (
    <>
      <PageHeader title="403" />
      <EmptyState>
        <p className="mb-4 text-base text-slate-700">{te("FORBIDDEN")}</p>
        <LinkButton href="/" variant="secondary">
          {tn("home")}
        </LinkButton>
      </EmptyState>
    </>
  );
}
