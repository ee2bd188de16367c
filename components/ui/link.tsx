import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without background prefetching. Every page here is dynamic (session, badges), so a
 * prefetch renders the portal layout on the server for each link that scrolls into view: the
 * manager's dashboard alone fired 74 of them per visit. Links load on click; the sidebar
 * prefetches on hover (nav-link.tsx). A unit test keeps next/link imports to these two files.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
