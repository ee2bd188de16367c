// List totals that stop counting: an unbounded COUNT(*) reads every matching row, which is what
// makes list pages slow on a large table (osTicket, Zammad, Paperless-ngx). A list counts to
// LIST_COUNT_CAP — or to the end of the page being read, so deep pages still get a next link —
// and the page shows "1000+" (the archive search's SEARCH_COUNT_CAP works the same way).

export const LIST_COUNT_CAP = 1000;

/** The row limit for the count of a list at this page: one row past what it may show. */
export function countLimit(page: number, pageSize: number): number {
  return Math.max(LIST_COUNT_CAP, page * pageSize) + 1;
}

/** The total to show and whether there are more, from a count taken with countLimit(). */
export function cappedTotal(counted: number, page: number, pageSize: number): { total: number; totalCapped: boolean } {
  const cap = countLimit(page, pageSize) - 1;
  return { total: Math.min(counted, cap), totalCapped: counted > cap };
}
