import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { isId } from "../domain/ids";

/**
 * In a page: a procedure's NOT_FOUND becomes the 404 page, and so does BAD_REQUEST — a page reads
 * with what its URL says (an id, a period), so input the procedure refuses is a URL naming nothing,
 * not a server error. A FORBIDDEN refusal opens the refusal page: a refusal is no server error and
 * must not reach Next's error log with a stack (issue 16 #13). Anything else propagates.
 */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    if (e instanceof TRPCError && e.code === "FORBIDDEN") redirect("/forbidden");
    throw e;
  }
}

/** A dynamic segment that must be an id: malformed (not a uuid, too long, NUL …) is a 404 at once. */
export function idOrNotFound(segment: string): string {
  if (!isId(segment)) notFound();
  return segment;
}
