"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { login, type LoginState } from "./actions";

export function LoginForm({ next, notice, demoHint }: { next: string; notice?: string; demoHint: boolean }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <h2 className="text-base font-semibold text-slate-800">{t("title")}</h2>
      {state.error ? (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {state.error}
        </p>
      ) : notice ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">{notice}</p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <Field label={t("loginName")} htmlFor="loginName">
        <Input id="loginName" name="loginName" autoComplete="username" autoFocus required defaultValue={state.loginName} />
      </Field>
      <Field label={t("password")} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
      {demoHint && <p className="text-center text-xs text-slate-400">{t("demoHint")}</p>}
    </form>
  );
}
