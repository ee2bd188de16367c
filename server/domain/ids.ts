import { z } from "zod";

// Every id the portal hands out is a uuid (Prisma's uuid() / gen_random_uuid(), version 4).
// PostgreSQL throws on a malformed uuid ("invalid input syntax for type uuid": a 500), so an id
// from a URL or a form is checked here before any query sees it.

/** A record id as procedures and forms take it. */
export const ZId = z.uuid();

/** Whether `value` can name a record at all; anything else is a 404 without asking the database. */
export function isId(value: unknown): value is string {
  return ZId.safeParse(value).success;
}
