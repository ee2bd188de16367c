"use client";

import { ErrorView } from "@/components/errors/error-view";

/** A page of the portal failed: the sidebar and header stay, the body says so in the user's language. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView digest={error.digest} reset={reset} />;
}
