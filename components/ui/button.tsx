import type { ButtonHTMLAttributes } from "react";
import Link from "@/components/ui/link";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/** Component classes in app/globals.css (.btn …): a list's rows each carry a button or two. */
export function buttonClass(variant: Variant = "primary", size: "sm" | "md" = "md") {
  return `btn btn-${size} btn-${variant}`;
}

export function Button({
  variant = "primary",
  size = "md",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" }) {
  return <button type={type} className={cn(buttonClass(variant, size), className)} {...props} />;
}

export function LinkButton({ href, variant = "primary", size = "md", children }: { href: string; variant?: Variant; size?: "sm" | "md"; children: React.ReactNode }) {
  return (
    <Link href={href} className={buttonClass(variant, size)}>
      {children}
    </Link>
  );
}
