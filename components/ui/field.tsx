"use client";

import { createContext, forwardRef, useContext, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import Link from "./link";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 h-9 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-red-100";
const textareaControl =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-red-100";

/** What a Field tells the control inside it: the element ids of its error and hint, whether it is in error. */
type FieldDescription = { errorId: string; hintId: string; describedBy: string | undefined; invalid: boolean };
const FieldContext = createContext<FieldDescription | null>(null);

/**
 * aria-describedby and aria-invalid for a control inside a Field: it names the error under the
 * field (or its hint), so a screen reader reads the message with the control. The control's own
 * props come first; a control outside any Field gets nothing.
 */
export function useFieldDescription(own: { "aria-describedby"?: string; "aria-invalid"?: InputHTMLAttributes<HTMLInputElement>["aria-invalid"] } = {}) {
  const field = useContext(FieldContext);
  const describedBy = [own["aria-describedby"], field?.describedBy].filter(Boolean).join(" ") || undefined;
  return { "aria-describedby": describedBy, "aria-invalid": own["aria-invalid"] ?? (field?.invalid ? true : undefined) };
}

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className, ...props }, ref) {
  const described = useFieldDescription(props);
  return <input ref={ref} className={cn(control, className)} {...props} {...described} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select({ className, ...props }, ref) {
  const described = useFieldDescription(props);
  return <select ref={ref} className={cn(control, "pr-8", className)} {...props} {...described} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea({ className, ...props }, ref) {
  const described = useFieldDescription(props);
  return <textarea ref={ref} className={cn(textareaControl, className)} {...props} {...described} />;
});

/** The element id of a Field's error message (`<id>-error`), for a control that is not inside it. */
export function fieldErrorId(id: string): string {
  return `${id}-error`;
}

/**
 * Label, control, hint and the error in the user's language; the error is announced and the
 * control inside names it by aria-describedby (Input, Select, Textarea, useFieldDescription).
 * `id` names the field when there is no single control to label (a list): the error is `<id>-error`.
 * `link` is what a server refusal offers beside its message (查看已有考核).
 */
export function Field({
  label,
  htmlFor,
  id,
  error,
  link,
  hint,
  required,
  children,
  className,
}: {
  label: ReactNode;
  htmlFor?: string;
  id?: string;
  error?: string;
  link?: { href: string; label: string };
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const auto = useId();
  const base = htmlFor ?? id ?? auto;
  const errorId = fieldErrorId(base);
  const hintId = `${base}-hint`;
  const description: FieldDescription = { errorId, hintId, describedBy: error ? errorId : hint ? hintId : undefined, invalid: !!error };
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={htmlFor} id={`${base}-label`} className="block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span aria-hidden className="ml-0.5 text-red-600">
            *
          </span>
        )}
      </label>
      <FieldContext.Provider value={description}>{children}</FieldContext.Provider>
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-red-600">
          {error}
          {link && (
            <>
              {" "}
              <Link href={link.href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
                {link.label}
              </Link>
            </>
          )}
        </p>
      ) : hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
