"use client";

import { useRef } from "react";
import { useForm, type DefaultValues, type Resolver, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { z } from "zod";

/** A link a refusal offers (server/api/error-format.ts ErrorLink): to the record that already exists. */
export type ServerErrorLink = { href: string; label: string };

/** What showServerError needs to know of a useZodForm form: which fields it shows, where links go. */
type ServerErrorSlots = { shownFields: Set<string>; serverLinks: Map<string, ServerErrorLink> };
const slotsKey = Symbol("serverErrorSlots");

function errorAt(errors: unknown, name: string): { message?: string; type?: string } | undefined {
  return name.split(".").reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], errors) as { message?: string; type?: string } | undefined;
}

/**
 * react-hook-form driven by the same zod schema the procedure uses, validating as the user
 * types. Schema messages are catalogue keys ("validation.*"); `errorOf` shows them translated.
 * A server refusal that names a field (showServerError) shows under it the same way and stays
 * until that field changes; `linkOf` gives the link such a refusal offers.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    mode: "onTouched",
  });
  const tv = useTranslations("validation");
  const slots = useRef<ServerErrorSlots>({ shownFields: new Set(), serverLinks: new Map() }).current;
  const errorOf = (name: Path<z.input<S>>): string | undefined => {
    // The fields whose errors the form shows: a refusal naming another one goes to a toast.
    slots.shownFields.add(name);
    const key = errorAt(form.formState.errors, name)?.message;
    if (!key) return undefined;
    return tv.has(key as "invalid") ? tv(key as "invalid") : key;
  };
  const linkOf = (name: Path<z.input<S>>): ServerErrorLink | undefined => {
    const err = errorAt(form.formState.errors, name);
    return err?.type === "server" ? slots.serverLinks.get(name) : undefined;
  };
  return Object.assign(form, { errorOf, linkOf, [slotsKey]: slots });
}

type ServerError = { message: string; data?: { fieldErrors?: Record<string, string> | null; link?: ServerErrorLink | null } | null };

/**
 * A refusal from the server, nothing changed. Its field errors go under the fields the form
 * shows (with aria-invalid and the message linked by aria-describedby, see Field) and stay until
 * the field changes; the first such field gets the focus. Only what concerns no shown field is a
 * toast — with the refusal's link as its action when it has one.
 */
export function showServerError<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues> | UseFormReturn<T>, error: ServerError) {
  const slots = (form as { [slotsKey]?: ServerErrorSlots })[slotsKey];
  const fields = error.data?.fieldErrors ?? {};
  const link = error.data?.link ?? null;
  slots?.serverLinks.clear();
  const unplaced: string[] = [];
  let placed = 0;
  for (const [path, message] of Object.entries(fields)) {
    // Without the slots (a form not made by useZodForm) every field is taken as shown.
    if (slots && !slots.shownFields.has(path)) {
      unplaced.push(message);
      continue;
    }
    if (link && slots) slots.serverLinks.set(path, link);
    form.setError(path as Path<T>, { type: "server", message }, { shouldFocus: placed === 0 });
    placed += 1;
  }
  if (placed > 0 && unplaced.length === 0) return;
  // Errors of fields this form does not show are said themselves, not as "check the fields marked in red".
  const text = unplaced.length > 0 ? unplaced.join("；") : error.message;
  const toLink = placed === 0 ? link : null;
  toast.error(text, toLink ? { action: { label: toLink.label, onClick: () => window.location.assign(toLink.href) } } : undefined);
}
