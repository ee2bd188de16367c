import { NotFoundView } from "@/components/errors/not-found-view";

/** notFound() in a portal page (a record that does not exist, a malformed id): inside the frame. */
export default function PortalNotFound() {
  return <NotFoundView />;
}
