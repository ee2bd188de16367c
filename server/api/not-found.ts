import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { isId } from "../domain/ids";

/**
 * In a page: a procedure's NOT_FOUND becomes the 404 page, and so does BAD_REQUEST — a page reads
 * with what its URL says (an id, a period), so input the procedure refuses is a URL naming nothing,
 * not a server error. Anything else propagates.
 */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
}

/** A dynamic segment that must be an id: malformed (not a uuid, too long, NUL …) is a 404 at once. */
export function idOrNotFound(segment: string): string {
  if (!isId(segment)) notFound();
  return segment;
}
