import { getTranslations } from "next-intl/server";

/** Names an audit action in the user's language ("user.setRoles" → 分配角色), or keeps the code. */
export async function getActionLabel() {
  const t = await getTranslations("auditActions");
  return (action: string) => {
    // next-intl reads dots as nesting, so the catalogue keys use underscores.
    const key = action.replace(/\./g, "_") as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : action;
  };
}
