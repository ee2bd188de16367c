import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { withClientMessages } from "@/components/i18n/client-messages";

async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("auth");
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-base font-semibold text-slate-800">{user.mustChangePassword ? t("mustChangeTitle") : t("newPassword")}</h2>
        {user.mustChangePassword && <p className="mt-1 text-sm text-slate-500">{t("mustChangeHint")}</p>}
      </div>
      <ChangePasswordForm />
    </div>
  );
}

export default withClientMessages(["auth"], ChangePasswordPage);
