import type { Prisma } from "../../db/generated/client";
import { normaliseSearch } from "../archive/search-text";
import { containsText } from "../search/like-pattern";

// A slip's search box (借阅审批, 我的借阅) matches its number, purpose, requester and its files'
// 档号 and titles. They are kept in one normalised column written at creation: matching them
// through the files' join read every decided slip's files for each search (a manager's 25 000
// decisions → 51 000 archive-record lookups, 1.3 s for the page and again for its count at 1M
// records); one LIKE over one column of the slips is a few milliseconds. The migration
// 20261202151433_borrow_search_text fills the slips already there the same way.

export function slipSearchText(slip: { requestNo: string; purpose: string; requester: string; files: { archiveNo: string; title: string }[] }): string {
  const files = [...slip.files].sort((a, b) => (a.archiveNo < b.archiveNo ? -1 : a.archiveNo > b.archiveNo ? 1 : 0));
  return normaliseSearch([slip.requestNo, slip.purpose, slip.requester, ...files.map((f) => `${f.archiveNo} ${f.title}`)].join(" "));
}

/** The slips whose number, purpose, requester or files hold what was typed (any letter case). */
export function slipTextWhere(q: string | undefined): Prisma.BorrowRequestWhereInput {
  const term = normaliseSearch(q ?? "");
  return term ? { searchText: containsText(term) } : {};
}
