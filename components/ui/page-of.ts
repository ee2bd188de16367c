/**
 * The page number a list shows for a `?page=` value: a whole number from 1 to the last page of
 * `total` rows (a stale link past the end shows the last page, not an empty one).
 */
export function pageOf(value: string | undefined, pageSize: number, total: number): number {
  return Math.min(Math.max(1, Math.floor(Number(value)) || 1), Math.max(1, Math.ceil(total / pageSize)));
}
