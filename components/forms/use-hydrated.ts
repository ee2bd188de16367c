"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False during server rendering and before hydration; controls stay disabled until they work. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
