import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Messages } from "@/server/i18n/config";

// Each tab's own title (issue 17 §6): the root layout's template adds " · 客服部门户".

type Translate = (key: string) => string;
const translator = async (namespace: string) => (await getTranslations(namespace as never)) as unknown as Translate;

/** A page titled by a catalogue entry: `export const generateMetadata = pageTitle("complaints", "title");` */
export function pageTitle(namespace: keyof Messages, key: string): () => Promise<Metadata> {
  return async () => ({ title: (await translator(namespace))(key) });
}

/**
 * A record's page: `TS-2026-0010 · 投诉`. `read` is the page's own data call through the server
 * caller, so it checks the same role and visibility as the page; on any refusal (or a record that
 * is not there) the title is the kind alone — a number is never shown to someone who may not see it.
 */
export async function recordTitle(kind: keyof Messages["pageTitles"], read: () => Promise<string | null | undefined>): Promise<Metadata> {
  const t = await translator("pageTitles");
  const label = await read().catch(() => null);
  return { title: label ? `${label} · ${t(kind)}` : t(kind) };
}
