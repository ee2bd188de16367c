import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** In a page: a procedure's NOT_FOUND becomes the 404 page; anything else propagates. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
