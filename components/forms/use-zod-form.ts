"use client";

import { useForm, type DefaultValues, type Resolver, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { z } from "zod";

/**
 * react-hook-form driven by the same zod schema the procedure uses, validating as the user
 * types. Schema messages are catalogue keys ("validation.*"); `errorOf` shows them translated.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    mode: "onTouched",
  });
  const tv = useTranslations("validation");
  const errorOf = (name: Path<z.input<S>>): string | undefined => {
    const err = name.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], form.formState.errors) as
      | { message?: string }
      | undefined;
    const key = err?.message;
    if (!key) return undefined;
    return tv.has(key as "invalid") ? tv(key as "invalid") : key;
  };
  return Object.assign(form, { errorOf });
}

type ServerError = { message: string; data?: { fieldErrors?: Record<string, string> | null } | null };

/** Puts the server's field errors on the fields and its message in a toast; nothing was changed. */
export function showServerError<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues> | UseFormReturn<T>, error: ServerError) {
  const fields = error.data?.fieldErrors;
  if (fields) {
    for (const [path, message] of Object.entries(fields)) {
      form.setError(path as Path<T>, { type: "server", message });
    }
  }
  toast.error(error.message);
}
