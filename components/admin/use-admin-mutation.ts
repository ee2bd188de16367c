"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";

/** Shared success path of the admin forms: confirm, then re-render the server page's data. */
export function useRefreshWith() {
  const router = useRouter();
  return (message: string) => {
    toast.success(message);
    router.refresh();
  };
}
